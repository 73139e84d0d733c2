"""What customers and advisors write, in French and English, for the demo and volume data.

Customers write like customers: some angry, some polite, some terse (tweets and SMS are short).
Advisors answer empathy first, then the solution, with enough detail (a fifth of real answers are
judged too terse). Placeholders are filled with ``str.format_map``: ``{first_name}``, ``{title}``,
``{last_name}``, ``{product}``, ``{order}``, ``{advisor}``, ``{days}``, ``{store}``, ``{amount}``.

``HOSTILE`` holds messages a desk must display safely as plain text: markup, scripts, Qt rich text,
right-to-left text, emoji and a very long message.
"""

from __future__ import annotations

from advisor_desk.domain.model import ComplaintCategory as C

Texts = dict[str, dict[C, tuple[str, ...]]]

#: What a case is about, as a subject line (e-mail subject, case title).
SUBJECTS: Texts = {
    "fr": {
        C.LATE_DELIVERY: ("Commande {order} toujours pas livrée", "Retard de livraison {order}"),
        C.DAMAGED_ITEM: ("Colis abîmé – {product}", "{product} arrivé endommagé"),
        C.DEFECTIVE_PRODUCT: ("{product} défectueux", "Panne de mon {product}"),
        C.WRONG_ITEM: ("Erreur d'article dans la commande {order}", "Mauvais produit reçu"),
        C.BILLING_ERROR: ("Double prélèvement commande {order}", "Erreur de facturation"),
        C.REFUND_NOT_RECEIVED: ("Remboursement non reçu ({order})", "Où est mon remboursement ?"),
        C.STAFF_BEHAVIOUR: ("Accueil inacceptable en magasin", "Comportement d'un vendeur"),
        C.WEBSITE_APP: ("Impossible de payer sur le site", "Bug de l'application"),
        C.STORE_EXPERIENCE: ("Attente interminable en caisse", "Magasin {store}"),
        C.OTHER: ("Réclamation", "Problème avec ma carte fidélité"),
        C.REQUEST: ("Demande de facture {order}", "Facture de ma commande {order}"),
        C.INFORMATION: ("Question sur la garantie", "Garantie du {product}"),
        C.PRAISE: ("Merci à l'équipe !", "Bravo au vendeur de {store}"),
    },
    "en": {
        C.LATE_DELIVERY: ("Order {order} still not delivered", "Late delivery {order}"),
        C.DAMAGED_ITEM: ("Damaged parcel – {product}", "{product} arrived damaged"),
        C.DEFECTIVE_PRODUCT: ("Faulty {product}", "My {product} stopped working"),
        C.WRONG_ITEM: ("Wrong item in order {order}", "Received the wrong product"),
        C.BILLING_ERROR: ("Charged twice for order {order}", "Billing mistake"),
        C.REFUND_NOT_RECEIVED: ("Refund not received ({order})", "Where is my refund?"),
        C.STAFF_BEHAVIOUR: ("Rude treatment in store", "Complaint about a member of staff"),
        C.WEBSITE_APP: ("Cannot pay on the website", "App keeps crashing"),
        C.STORE_EXPERIENCE: ("Endless queue at the till", "{store} store"),
        C.OTHER: ("Complaint", "Problem with my loyalty card"),
        C.REQUEST: ("Invoice request {order}", "Invoice for my order {order}"),
        C.INFORMATION: ("Question about the warranty", "Warranty of the {product}"),
        C.PRAISE: ("Thank you to the team!", "Well done to the staff at {store}"),
    },
}

#: First message of a case, by tone. Index 0: angry, 1: polite, 2: terse (fits a tweet or an SMS).
INBOUND: Texts = {
    "fr": {
        C.LATE_DELIVERY: (
            "C'est la TROISIÈME fois que j'appelle pour ma commande {order}. Livraison promise il y a "
            "{days} jours, toujours rien, et personne n'est capable de me dire où est mon colis. "
            "J'avais acheté ce {product} pour un départ en randonnée, c'est raté. Je veux une réponse "
            "aujourd'hui, pas un énième « votre demande a bien été prise en compte ».",
            "Bonjour, j'ai passé la commande {order} il y a {days} jours et le suivi n'a pas bougé "
            "depuis. Pourriez-vous me dire où en est la livraison ? J'en ai besoin pour ce week-end. "
            "Merci d'avance, {first_name}",
            "Commande {order} pas livrée. {days} jours. On fait comment ?",
        ),
        C.DAMAGED_ITEM: (
            "Colis reçu complètement écrasé, le {product} est cassé en deux. Vous emballez vos "
            "produits avec quoi, du papier journal ? J'ai payé plein tarif, je n'ai pas à subir ça.",
            "Bonjour, j'ai bien reçu ma commande {order} mais le {product} est arrivé abîmé (le carton "
            "était enfoncé). Je joins des photos. Comment pouvons-nous faire pour un remplacement ? "
            "Cordialement.",
            "{product} reçu cassé. Photos dispo. Remplacement svp.",
        ),
        C.DEFECTIVE_PRODUCT: (
            "Votre {product} est une honte. Utilisé trois fois, la fermeture a lâché en pleine sortie. "
            "Je vois que je ne suis pas le seul à m'en plaindre sur votre site. Remboursez-moi ou je "
            "laisse un avis bien salé partout.",
            "Bonjour, mon {product} acheté il y a deux mois présente un défaut : la couture du côté "
            "gauche se défait. Est-il couvert par la garantie ? Je peux le déposer en magasin si besoin. "
            "Bien à vous.",
            "{product} HS après 3 utilisations. Garantie ?",
        ),
        C.WRONG_ITEM: (
            "J'ai commandé un {product} taille M, j'ai reçu un article qui n'a rien à voir. Et bien sûr "
            "c'est à moi de tout renvoyer à mes frais ? Non merci.",
            "Bonjour, dans ma commande {order} j'ai reçu un article différent de celui commandé "
            "({product}). Pouvez-vous m'indiquer la marche à suivre pour l'échange ? Merci.",
            "Mauvais article reçu dans {order}. Échange ?",
        ),
        C.BILLING_ERROR: (
            "Vous m'avez prélevé DEUX FOIS la commande {order} ! Mon compte est à découvert à cause de "
            "vous. Je veux le remboursement immédiat et les frais bancaires.",
            "Bonjour, je constate sur mon relevé deux débits identiques pour la commande {order}. "
            "Pourriez-vous vérifier et annuler le second ? Je vous remercie.",
            "Débité 2 fois pour {order}. Merci de corriger.",
        ),
        C.REFUND_NOT_RECEIVED: (
            "Retour déposé il y a {days} jours, on m'avait promis un remboursement sous 5 jours. "
            "Toujours rien. Vous vous moquez de vos clients.",
            "Bonjour, j'ai renvoyé le {product} de la commande {order} il y a {days} jours et je n'ai "
            "pas encore reçu le remboursement. Pouvez-vous me dire où il en est ? Cordialement.",
            "Remboursement {order} toujours pas reçu.",
        ),
        C.STAFF_BEHAVIOUR: (
            "Reçu comme un chien au rayon vélo de {store} samedi. Le vendeur a soupiré, m'a tourné le "
            "dos et est parti. Je suis client depuis 15 ans, c'est la dernière fois.",
            "Bonjour, je souhaite signaler un accueil très désagréable samedi au magasin {store}. Je ne "
            "veux pas accabler la personne, mais cela m'a vraiment déçue. Cordialement.",
            "Accueil déplorable à {store} aujourd'hui.",
        ),
        C.WEBSITE_APP: (
            "Ça fait une heure que j'essaie de payer, votre site plante à chaque fois à la dernière "
            "étape et mon panier se vide. C'est du grand n'importe quoi.",
            "Bonjour, l'application se ferme dès que j'ouvre mon historique de commandes (iPhone, "
            "dernière version). Pouvez-vous regarder ? Merci.",
            "Paiement impossible sur le site depuis ce matin.",
        ),
        C.STORE_EXPERIENCE: (
            "40 minutes de queue à {store}, deux caisses ouvertes sur dix un samedi. Vous vous fichez "
            "du monde.",
            "Bonjour, je voulais vous faire part de mon expérience à {store} : rayons vides sur les "
            "tailles courantes et personne pour renseigner. Dommage, j'aime beaucoup vos produits.",
            "Magasin {store} : 40 min d'attente en caisse.",
        ),
        C.OTHER: (
            "Mes points de fidélité ont disparu de mon compte. Vous pouvez m'expliquer ?",
            "Bonjour, ma carte fidélité n'est plus reconnue en caisse. Pouvez-vous vérifier ? Merci.",
            "Carte fidélité bloquée ?",
        ),
        C.REQUEST: (
            "Je demande la facture de {order} depuis une semaine !",
            "Bonjour, pourriez-vous m'envoyer la facture de la commande {order} ? Merci beaucoup.",
            "Facture {order} svp",
        ),
        C.INFORMATION: (
            "Personne ne sait me dire si le {product} est garanti, sérieusement ?",
            "Bonjour, le {product} est-il couvert par une garantie de deux ans ? Et peut-on le faire "
            "réparer en magasin ? Merci.",
            "{product} dispo en 42 ?",
        ),
        C.PRAISE: (
            "Franchement bravo, je m'attendais au pire et tout a été réglé en dix minutes !",
            "Bonjour, je tenais à remercier le vendeur de {store} qui a pris le temps de m'aider à "
            "choisir mon {product}. Un vrai plaisir. Belle journée à toute l'équipe.",
            "Merci pour l'échange express, top 👍",
        ),
    },
    "en": {
        C.LATE_DELIVERY: (
            "This is the THIRD time I've chased order {order}. Delivery was promised {days} days ago, "
            "still nothing, and nobody can tell me where my parcel is. I bought the {product} for a "
            "hiking trip that's now ruined. I want an answer today, not another automated email.",
            "Hello, I placed order {order} {days} days ago and the tracking hasn't moved since. Could "
            "you tell me where the delivery stands? I need it for this weekend. Many thanks, "
            "{first_name}",
            "Order {order} not delivered. {days} days. What now?",
        ),
        C.DAMAGED_ITEM: (
            "Parcel arrived completely crushed and the {product} is snapped in half. What do you pack "
            "things in, newspaper? I paid full price for this.",
            "Hi, my order {order} arrived but the {product} is damaged (the box was dented). Photos "
            "attached. How can we arrange a replacement? Kind regards.",
            "{product} arrived broken. Photos available. Replacement please.",
        ),
        C.DEFECTIVE_PRODUCT: (
            "Your {product} is a disgrace. Used three times and the zip gave way halfway up a hill. "
            "I can see I'm not the only one complaining on your site. Refund me or I'll be leaving "
            "reviews everywhere.",
            "Hello, the {product} I bought two months ago has a fault: the left seam is coming apart. "
            "Is it covered by the warranty? I can bring it to a store if needed. Best wishes.",
            "{product} dead after 3 uses. Warranty?",
        ),
        C.WRONG_ITEM: (
            "I ordered a {product} in size M and got something completely different. And I suppose "
            "I have to pay to send it back? No thanks.",
            "Hello, order {order} contained a different item from the one I ordered ({product}). "
            "Could you tell me how to exchange it? Thank you.",
            "Wrong item in {order}. Exchange?",
        ),
        C.BILLING_ERROR: (
            "You've charged me TWICE for order {order}! My account is overdrawn because of you. I want "
            "it refunded now, bank charges included.",
            "Hello, my statement shows two identical payments for order {order}. Could you check and "
            "cancel the second one? Thank you.",
            "Charged twice for {order}. Please fix.",
        ),
        C.REFUND_NOT_RECEIVED: (
            "Return dropped off {days} days ago, I was promised a refund within 5 days. Still nothing. "
            "Are you taking your customers for fools?",
            "Hello, I sent back the {product} from order {order} {days} days ago and haven't received "
            "the refund yet. Could you tell me where it is? Kind regards.",
            "Refund for {order} still not received.",
        ),
        C.STAFF_BEHAVIOUR: (
            "Treated like dirt in the bike department at {store} on Saturday. The assistant sighed, "
            "turned his back and walked off. I've been a customer for 15 years. Never again.",
            "Hello, I'd like to report a rather unpleasant welcome at the {store} store on Saturday. "
            "I don't want to get anyone into trouble, but I was really disappointed. Regards.",
            "Awful welcome at {store} today.",
        ),
        C.WEBSITE_APP: (
            "I've been trying to pay for an hour, your site crashes at the last step every time and "
            "empties my basket. Absolutely useless.",
            "Hello, the app closes as soon as I open my order history (iPhone, latest version). Could "
            "you have a look? Thanks.",
            "Can't pay on the website since this morning.",
        ),
        C.STORE_EXPERIENCE: (
            "40 minutes queueing at {store}, two tills open out of ten on a Saturday. Ridiculous.",
            "Hello, just some feedback on {store}: the usual sizes were missing and nobody was around "
            "to help. A shame, because I really like your products.",
            "{store}: 40 min queue at the till.",
        ),
        C.OTHER: (
            "My loyalty points have vanished from my account. Care to explain?",
            "Hello, my loyalty card is no longer recognised at the till. Could you check? Thanks.",
            "Loyalty card blocked?",
        ),
        C.REQUEST: (
            "I've been asking for the invoice for {order} for a week!",
            "Hello, could you send me the invoice for order {order}? Many thanks.",
            "Invoice for {order} please",
        ),
        C.INFORMATION: (
            "Nobody can tell me whether the {product} has a warranty, seriously?",
            "Hello, does the {product} come with a two-year warranty? And can it be repaired in "
            "store? Thank you.",
            "{product} in size 9?",
        ),
        C.PRAISE: (
            "Honestly, well done, I expected the worst and it was sorted in ten minutes!",
            "Hello, I wanted to thank the assistant at {store} who took the time to help me choose my "
            "{product}. A real pleasure. Have a lovely day, all of you.",
            "Thanks for the express exchange, brilliant 👍",
        ),
    },
}

#: Advisors' answers: first the customer's experience and feelings, then the solution, in detail.
REPLIES: Texts = {
    "fr": {
        C.LATE_DELIVERY: (
            "Bonjour {title} {last_name},\n\nJe comprends votre agacement : attendre un colis pour un "
            "départ et ne rien voir venir, c'est vraiment pénible, et je suis désolé(e) que vous ayez dû "
            "nous relancer. J'ai contacté le transporteur : votre commande {order} est bloquée au dépôt "
            "régional. Je fais partir aujourd'hui un nouvel envoi en express, livré sous 48 h, et je vous "
            "rembourse les frais de port. Je reste votre interlocuteur jusqu'à la livraison.\n\n"
            "Bien cordialement,\n{advisor}",
        ),
        C.DAMAGED_ITEM: (
            "Bonjour {title} {last_name},\n\nRecevoir un {product} abîmé alors que vous l'attendiez, "
            "c'est très décevant, et je vous remercie pour les photos qui nous aident beaucoup. Je vous "
            "envoie dès aujourd'hui un remplacement en express, sans rien vous demander de plus ; "
            "inutile de nous retourner l'article endommagé.\n\nBien à vous,\n{advisor}",
        ),
        C.DEFECTIVE_PRODUCT: (
            "Bonjour {title} {last_name},\n\nJe suis sincèrement navré(e) que votre {product} vous ait "
            "lâché en pleine sortie : ce n'est pas ce que vous étiez en droit d'attendre. Votre retour "
            "est transmis au chef de produit, qui suit ce modèle de près. Je vous propose au choix un "
            "remboursement intégral ou un échange immédiat en magasin ; dites-moi ce qui vous arrange "
            "le mieux.\n\nCordialement,\n{advisor}",
        ),
        C.WRONG_ITEM: (
            "Bonjour {title} {last_name},\n\nNous nous sommes trompés dans la préparation de votre "
            "commande {order} et je vous présente nos excuses pour ce désagrément. Je vous envoie le bon "
            "article aujourd'hui, avec une étiquette de retour prépayée pour celui reçu par erreur : "
            "vous n'avez rien à avancer.\n\nBien cordialement,\n{advisor}",
        ),
        C.BILLING_ERROR: (
            "Bonjour {title} {last_name},\n\nUn double prélèvement, surtout quand il met votre compte à "
            "découvert, est très stressant, et je comprends votre colère. J'ai vérifié : le second débit "
            "de la commande {order} est une erreur de notre part. Le remboursement est lancé ce jour et "
            "nous prenons en charge vos frais bancaires sur justificatif.\n\nBien à vous,\n{advisor}",
        ),
        C.REFUND_NOT_RECEIVED: (
            "Bonjour {title} {last_name},\n\nVous avez raison : {days} jours, c'est bien plus que ce qui "
            "vous avait été annoncé, et je comprends que vous soyez à bout. Votre retour a été réceptionné "
            "mais le remboursement n'avait pas été déclenché. C'est fait aujourd'hui ; il apparaîtra sur "
            "votre compte sous 3 jours ouvrés. Pour le désagrément, je vous offre un bon d'achat.\n\n"
            "Cordialement,\n{advisor}",
        ),
        C.STAFF_BEHAVIOUR: (
            "Bonjour {title} {last_name},\n\nMerci d'avoir pris le temps de nous écrire. Être mal "
            "accueilli(e) après tant d'années de fidélité, c'est blessant, et je le regrette sincèrement. "
            "J'ai transmis votre message au directeur du magasin {store}, qui en parlera avec l'équipe. "
            "J'espère avoir l'occasion de vous faire oublier cette visite.\n\nBien à vous,\n{advisor}",
        ),
        C.WEBSITE_APP: (
            "Bonjour {title} {last_name},\n\nPerdre son panier au moment de payer, après une heure "
            "d'essais, c'est exaspérant : toutes mes excuses. L'incident de paiement est identifié et "
            "corrigé depuis 11 h. J'ai recréé votre panier et je vous offre les frais de port de cette "
            "commande.\n\nCordialement,\n{advisor}",
        ),
        C.STORE_EXPERIENCE: (
            "Bonjour {title} {last_name},\n\nQuarante minutes d'attente un samedi, je comprends que cela "
            "vous ait découragé(e), et je vous remercie de nous le dire. Votre message est transmis à "
            "l'équipe de {store} pour revoir l'organisation des caisses le week-end.\n\n"
            "Bien cordialement,\n{advisor}",
        ),
        C.OTHER: (
            "Bonjour {title} {last_name},\n\nJe comprends votre inquiétude pour vos points. Après "
            "vérification, votre carte avait été désactivée par erreur lors d'une mise à jour ; elle est "
            "réactivée et vos points sont de nouveau disponibles.\n\nCordialement,\n{advisor}",
        ),
        C.REQUEST: (
            "Bonjour {title} {last_name},\n\nDésolé(e) pour l'attente, vous n'auriez pas dû avoir à la "
            "demander deux fois. Vous trouverez la facture de la commande {order} en pièce jointe ; elle "
            "est aussi disponible à tout moment dans votre espace client, rubrique « Mes achats ».\n\n"
            "Bien à vous,\n{advisor}",
        ),
        C.INFORMATION: (
            "Bonjour {title} {last_name},\n\nMerci pour votre question. Le {product} est garanti deux "
            "ans, pièces et main-d'œuvre, et l'atelier de votre magasin peut le réparer sur place.\n\n"
            "Bonne journée,\n{advisor}",
        ),
        C.PRAISE: (
            "Bonjour {title} {last_name},\n\nMerci beaucoup pour votre message, il a fait très plaisir "
            "à toute l'équipe ! Je le transmets personnellement à nos collègues de {store}.\n\n"
            "Très belle journée,\n{advisor}",
        ),
    },
    "en": {
        C.LATE_DELIVERY: (
            "Dear {title} {last_name},\n\nI completely understand your frustration: waiting for a parcel "
            "before a trip and seeing nothing arrive is really stressful, and I'm sorry you had to chase "
            "us. I've spoken to the carrier: order {order} is stuck at the regional depot. I'm sending a "
            "new parcel by express today, delivered within 48 hours, and refunding your shipping. I'll "
            "stay your contact until it arrives.\n\nKind regards,\n{advisor}",
        ),
        C.DAMAGED_ITEM: (
            "Dear {title} {last_name},\n\nReceiving your {product} damaged after waiting for it is really "
            "disappointing, and thank you for the photos, they help a lot. I'm sending an express "
            "replacement today, nothing more needed from you; no need to return the damaged item.\n\n"
            "Best wishes,\n{advisor}",
        ),
        C.DEFECTIVE_PRODUCT: (
            "Dear {title} {last_name},\n\nI'm truly sorry your {product} let you down mid-walk: that is "
            "not what you were entitled to expect. Your feedback has gone to the product manager, who is "
            "watching this model closely. I can offer either a full refund or an immediate exchange in "
            "store; just tell me which suits you best.\n\nKind regards,\n{advisor}",
        ),
        C.WRONG_ITEM: (
            "Dear {title} {last_name},\n\nWe made a mistake preparing order {order} and I apologise for "
            "the trouble. The right item leaves today, with a prepaid return label for the one you "
            "received by mistake: you won't pay a penny.\n\nKind regards,\n{advisor}",
        ),
        C.BILLING_ERROR: (
            "Dear {title} {last_name},\n\nBeing charged twice, especially when it leaves you overdrawn, "
            "is very stressful and I understand your anger. I've checked: the second payment for order "
            "{order} is our mistake. The refund is on its way today and we'll cover your bank charges "
            "on receipt of the statement.\n\nBest wishes,\n{advisor}",
        ),
        C.REFUND_NOT_RECEIVED: (
            "Dear {title} {last_name},\n\nYou're right: {days} days is far longer than you were told, and "
            "I understand you've had enough. Your return was received but the refund had not been "
            "triggered. It's done today and will reach your account within 3 working days. For the "
            "trouble, I'm adding a voucher.\n\nKind regards,\n{advisor}",
        ),
        C.STAFF_BEHAVIOUR: (
            "Dear {title} {last_name},\n\nThank you for taking the time to write. Being treated badly "
            "after so many years with us hurts, and I'm genuinely sorry. I've passed your message to the "
            "manager of the {store} store, who will talk it through with the team. I hope we get the "
            "chance to make up for that visit.\n\nBest wishes,\n{advisor}",
        ),
        C.WEBSITE_APP: (
            "Dear {title} {last_name},\n\nLosing your basket at checkout after an hour of trying is "
            "infuriating: my apologies. The payment incident was found and fixed at 11 am. I've rebuilt "
            "your basket and shipping on this order is on us.\n\nKind regards,\n{advisor}",
        ),
        C.STORE_EXPERIENCE: (
            "Dear {title} {last_name},\n\nForty minutes in a queue on a Saturday would put anyone off, and "
            "thank you for telling us. Your message has gone to the {store} team so they can rethink "
            "weekend staffing at the tills.\n\nKind regards,\n{advisor}",
        ),
        C.OTHER: (
            "Dear {title} {last_name},\n\nI understand your worry about your points. Your card had been "
            "deactivated by mistake during an update; it's active again and your points are back.\n\n"
            "Kind regards,\n{advisor}",
        ),
        C.REQUEST: (
            "Dear {title} {last_name},\n\nSorry for the wait, you shouldn't have had to ask twice. Please "
            "find the invoice for order {order} attached; it's also available at any time in your "
            "customer account, under “My purchases”.\n\nBest wishes,\n{advisor}",
        ),
        C.INFORMATION: (
            "Dear {title} {last_name},\n\nThanks for your question. The {product} has a two-year "
            "warranty on parts and labour, and your store's workshop can repair it on site.\n\n"
            "Have a good day,\n{advisor}",
        ),
        C.PRAISE: (
            "Dear {title} {last_name},\n\nThank you so much for your message, it made the whole team's "
            "day! I'm passing it on personally to our colleagues at {store}.\n\nWarm wishes,\n{advisor}",
        ),
    },
}

#: Short social-network answers (Twitter/X, Facebook): empathy and a move to a private channel.
SOCIAL_REPLIES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Bonjour {first_name}, vraiment désolés pour ce contretemps 😔 On regarde ça tout de suite : "
        "pouvez-vous nous écrire en message privé avec votre n° de commande ? {advisor}",
        "{first_name}, on comprend votre agacement et on s'en occupe. Je vous réponds en MP dans la "
        "foulée. {advisor}",
    ),
    "en": (
        "Hi {first_name}, really sorry about this 😔 We're looking into it right now: could you DM us "
        "your order number? {advisor}",
        "{first_name}, we understand your frustration and we're on it. Replying by DM shortly. {advisor}",
    ),
}

#: Acknowledgements of receipt (ISO 10002 reactivity): they stop the first-response clock.
ACKNOWLEDGEMENTS: dict[str, tuple[str, ...]] = {
    "fr": (
        "Bonjour {title} {last_name}, nous avons bien reçu votre message et nous sommes désolés pour "
        "ce que vous vivez. Je m'occupe personnellement de votre dossier et je reviens vers vous d'ici "
        "demain au plus tard. {advisor}",
        "Bonjour {first_name}, merci de nous avoir écrit. Votre demande est bien enregistrée : je "
        "l'étudie et je vous réponds dans la journée. {advisor}",
    ),
    "en": (
        "Dear {title} {last_name}, we've received your message and we're sorry for what you've been "
        "through. I'm personally handling your case and will get back to you by tomorrow at the "
        "latest. {advisor}",
        "Hi {first_name}, thanks for getting in touch. Your request is logged: I'm looking into it and "
        "will reply today. {advisor}",
    ),
}

#: Short answers on chat and SMS: empathy, then what happens next.
SHORT_REPLIES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Bonjour {first_name}, je suis désolé(e) pour ce souci et je comprends votre agacement. Je m'en "
        "occupe tout de suite et je vous confirme la solution par e-mail dans l'heure. {advisor}",
        "{first_name}, merci de votre patience, je comprends que ce soit pénible. C'est réglé de notre "
        "côté : vous recevez la confirmation par e-mail. {advisor}",
    ),
    "en": (
        "Hi {first_name}, I'm sorry about this and I understand it's frustrating. I'm on it now and will "
        "confirm the solution by email within the hour. {advisor}",
        "{first_name}, thanks for your patience, I know this has been a pain. It's sorted on our side: "
        "you'll get the confirmation by email. {advisor}",
    ),
}

#: The customer chasing an answer; the second one once they are running out of patience.
RELAUNCHES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Bonjour, avez-vous du nouveau concernant ma demande ? Merci.",
        "Toujours aucune réponse. Si je n'ai rien demain, je publie mon histoire sur les réseaux.",
    ),
    "en": (
        "Hello, any news about my request? Thanks.",
        "Still no answer. If I hear nothing tomorrow I'm posting the whole story online.",
    ),
}

#: The customer's last word once a case is solved.
THANKS: dict[str, tuple[str, ...]] = {
    "fr": (
        "Merci pour votre réactivité, c'est réglé.",
        "Bien reçu, merci beaucoup pour votre aide.",
        "Ok. Merci.",
        "Parfait, merci {advisor} !",
    ),
    "en": (
        "Thanks for the quick response, all sorted.",
        "Received, thank you very much for your help.",
        "Ok. Thanks.",
        "Perfect, thanks {advisor}!",
    ),
}

#: Internal notes between advisors (never shown to the customer).
NOTES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Client très remonté au téléphone, a déjà relancé deux fois. À rappeler en priorité.",
        "Vu avec le transporteur : colis bloqué au dépôt de Corbas, réexpédition demandée.",
        "Produit déjà signalé par plusieurs clients, remonté au chef de produit.",
        "Cliente fidèle depuis 2011, très courtoise. Geste commercial justifié.",
        "Attente des photos du colis avant de lancer le remplacement.",
    ),
    "en": (
        "Customer very upset on the phone, has chased twice already. Call back first.",
        "Checked with the carrier: parcel stuck at the Corbas depot, reshipment requested.",
        "Product already reported by several customers, escalated to the product manager.",
        "Loyal customer since 2011, very courteous. Gesture justified.",
        "Waiting for photos of the parcel before sending the replacement.",
    ),
}

#: Advisor's summary of a phone call or a callback about a case.
CALL_SUMMARIES: dict[str, tuple[str, ...]] = {
    "fr": (
        "Appel de {title} {last_name} au sujet de : {subject}. Client(e) {mood}. Explications données, "
        "solution proposée et acceptée.",
        "Rappel effectué : {title} {last_name} joint(e) au deuxième essai. Point fait sur « {subject} ».",
        "Appel entrant, {title} {last_name} ({mood}) : {subject}. Dossier mis à jour.",
    ),
    "en": (
        "Call from {title} {last_name} about: {subject}. Customer {mood}. Explained the situation, "
        "offered a solution, accepted.",
        "Callback done: reached {title} {last_name} on the second attempt. Went through “{subject}”.",
        "Inbound call, {title} {last_name} ({mood}): {subject}. Case updated.",
    ),
}

MOODS: dict[str, tuple[str, ...]] = {
    "fr": ("très en colère", "calme et courtois(e)", "pressé(e)", "déçu(e)", "inquiet/inquiète"),
    "en": ("very angry", "calm and polite", "in a hurry", "disappointed", "worried"),
}

#: Order events on the timeline.
ORDER_EVENTS: dict[str, dict[str, str]] = {
    "fr": {
        "placed": "Commande {order} passée ({amount}).",
        "shipped": "Commande {order} expédiée.",
        "delivered": "Commande {order} livrée.",
        "in_transit": "Commande {order} en cours d'acheminement.",
        "returned": "Retour de la commande {order} réceptionné à l'entrepôt.",
        "cancelled": "Commande {order} annulée.",
    },
    "en": {
        "placed": "Order {order} placed ({amount}).",
        "shipped": "Order {order} shipped.",
        "delivered": "Order {order} delivered.",
        "in_transit": "Order {order} in transit.",
        "returned": "Return of order {order} received at the warehouse.",
        "cancelled": "Order {order} cancelled.",
    },
}

STORE_VISITS: dict[str, tuple[str, ...]] = {
    "fr": (
        "Passage en magasin ({store}) : essai de {product}, conseils sur la taille.",
        "Visite à {store} : retour d'un article, échange effectué sur place.",
        "Passage à {store} pour un atelier réparation vélo.",
    ),
    "en": (
        "Store visit ({store}): tried the {product}, advice on sizing.",
        "Visit to {store}: returned an item, exchanged on the spot.",
        "Came to {store} for a bike repair workshop.",
    ),
}

#: Product reviews, by stars (1 to 5).
REVIEWS: dict[str, dict[int, tuple[str, ...]]] = {
    "fr": {
        1: ("Cassé au bout de deux sorties. À fuir.", "Rien à voir avec la description, très déçu."),
        2: ("Qualité moyenne, les coutures lâchent vite.", "Taille très petit, confort médiocre."),
        3: ("Correct pour le prix, sans plus.", "Bon produit mais fermeture fragile."),
        4: ("Bon rapport qualité-prix, je recommande.", "Très bien, un peu lourd."),
        5: ("Parfait, exactement ce qu'il me fallait !", "Excellent, solide et confortable."),
    },
    "en": {
        1: ("Broke after two outings. Avoid.", "Nothing like the description, very disappointed."),
        2: ("Average quality, seams give way quickly.", "Runs very small, poor comfort."),
        3: ("Fine for the price, nothing more.", "Good product but the zip is flimsy."),
        4: ("Good value for money, recommended.", "Very good, a bit heavy."),
        5: ("Perfect, just what I needed!", "Excellent, sturdy and comfortable."),
    },
}

#: Messages a desk must show as inert plain text (the demo makes the safe display visible).
HOSTILE: tuple[str, ...] = (
    "Bonjour, <b>bold</b><script>alert(1)</script> ma commande n'est jamais arrivée !!!",
    '<html><body><h1 style="color:red">REMBOURSEZ-MOI</h1><img src=x onerror="alert(\'xss\')">'
    '<a href="javascript:alert(document.cookie)">cliquez ici</a></body></html>',
    "<qt><font color='red' size='+5'>URGENT</font> <a href='file:///etc/passwd'>voir la pièce jointe"
    "</a></qt> &lt;b&gt;pas du gras&lt;/b&gt; &amp; %s %n {0} ${HOME} `rm -rf /`",
    "مرحبا، لم أستلم طلبي رقم 4521 حتى الآن. أرجو الرد في أقرب وقت. شكرا 🙏 (order CMD-0004521)",
    "😡😡😡 COLIS PERDU 📦❌ ça fait 3 semaines 🤬🤬 #service #nul 👎🏽👎🏽 👨‍👩‍👧‍👦 ‮txet desrever‬",
    "Line one\r\nLine two\tand a tab\u200b zero-width\u2028line separator",
    (
        "Je vous écris pour la dixième fois. "
        + "Ma commande n'est toujours pas arrivée et personne ne me répond. " * 400
        + "Fin."
    ),
)

#: Said of a product when a case names none ("my {product} is faulty" still reads well).
NO_PRODUCT: dict[str, str] = {"fr": "article", "en": "item"}

#: Quick chat answers to the everyday questions (invoice, warranty).
CHAT_ANSWERS: dict[str, dict[C, str]] = {
    "fr": {
        C.REQUEST: "Bonjour {first_name} ! Désolé(e) pour l'attente : je vous envoie la facture de la "
        "commande {order} par e-mail à l'instant, elle est aussi dans votre espace client. {advisor}",
        C.INFORMATION: "Bonjour {first_name}, bonne question ! Le {product} est garanti deux ans et "
        "l'atelier de votre magasin peut le réparer sur place. Autre chose ? {advisor}",
    },
    "en": {
        C.REQUEST: "Hi {first_name}! Sorry for the wait: I'm emailing you the invoice for order {order} "
        "right now, and it's in your customer account too. {advisor}",
        C.INFORMATION: "Hi {first_name}, good question! The {product} has a two-year warranty and your "
        "store's workshop can repair it on site. Anything else? {advisor}",
    },
}
