<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>AcknowledgementDialog</name>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>This message is sent to the customer on the case&apos;s channel (%1).</source>
        <translation>Ce message est envoyé au client sur le canal du dossier (%1).</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <source>Send the acknowledgement (%1)</source>
        <translation>Envoyer l’accusé de réception (%1)</translation>
    </message>
    <message>
        <source>Fill in the highlighted values first.</source>
        <translation>Complétez d’abord les valeurs surlignées.</translation>
    </message>
    <message>
        <source>Write something first: an empty message is not sent.</source>
        <translation>Écrivez d’abord quelque chose : un message vide n’est pas envoyé.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Close the message</source>
        <translation>Fermer le message</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>Internal note…</source>
        <extracomment>(message) after an action was saved locally; the window shows it in the status bar. (message) when an action could not be saved. (case) a case was resolved here: the window offers a follow-up call.</extracomment>
        <translation>Note interne…</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Changer le statut…</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>M&apos;attribuer le dossier</translation>
    </message>
    <message>
        <source>Customer satisfaction…</source>
        <translation>Satisfaction client…</translation>
    </message>
    <message>
        <source>Schedule a follow-up…</source>
        <translation>Planifier un appel de suivi…</translation>
    </message>
    <message>
        <source>This case is no longer in the local cache (it may have been removed). Nothing was saved.</source>
        <extracomment>The improvement loop&apos;s actions (a separate group in the Case menu).</extracomment>
        <translation>Ce dossier n&apos;est plus dans le cache local (il a peut-être été supprimé). Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>This action is not allowed on the case as it is now. Nothing was saved.</source>
        <translation>Cette action n&apos;est pas possible sur le dossier dans son état actuel. Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The local cache refused the action. Nothing was saved.</source>
        <translation>Le cache local a refusé l&apos;action. Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The action could not be saved. Nothing was lost: try again.</source>
        <translation>L&apos;action n&apos;a pas pu être enregistrée. Rien n&apos;est perdu : réessayez.</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Note interne</translation>
    </message>
    <message>
        <source>Only your colleagues see internal notes; the customer never does.</source>
        <translation>Seuls vos collègues voient les notes internes ; le client ne les voit jamais.</translation>
    </message>
    <message>
        <source>Note saved.</source>
        <translation>Note enregistrée.</translation>
    </message>
    <message>
        <source>Hello, we have received your message and thank you for it. An advisor is looking at it and will come back to you shortly.</source>
        <translation>Bonjour, nous avons bien reçu votre message et vous en remercions. Un conseiller l’étudie et reviendra vers vous très rapidement.</translation>
    </message>
    <message>
        <source>This message is sent to the customer on the case&apos;s channel (%1).</source>
        <translation>Ce message est envoyé au client sur le canal du dossier (%1).</translation>
    </message>
    <message>
        <source>Receipt acknowledged: the first-response clock has stopped.</source>
        <translation>Réception accusée : le délai de première réponse est arrêté.</translation>
    </message>
    <message>
        <source>Status changed to “%1”.</source>
        <translation>Statut passé à « %1 ».</translation>
    </message>
    <message>
        <source>Customer satisfaction recorded: %1/5.</source>
        <translation>Satisfaction client enregistrée : %1/5.</translation>
    </message>
    <message>
        <source>Follow-up call scheduled for %1.</source>
        <translation>Appel de suivi planifié pour le %1.</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>The case changed meanwhile</source>
        <translation>Le dossier a changé entre-temps</translation>
    </message>
    <message>
        <source>%1 changed this case %2: it is now “%3”.</source>
        <translation>%1 a modifié ce dossier le %2 : il est maintenant « %3 ».</translation>
    </message>
    <message>
        <source>Apply “%1” to the fresh copy of the case?</source>
        <translation>Appliquer « %1 » à la version à jour du dossier ?</translation>
    </message>
    <message>
        <source>Retry on the fresh copy</source>
        <translation>Réessayer sur la version à jour</translation>
    </message>
    <message>
        <source>“%1” no longer applies to the case as it is now.</source>
        <translation>« %1 » ne s’applique plus au dossier dans son état actuel.</translation>
    </message>
    <message>
        <source>The case is now yours.</source>
        <translation>Le dossier vous est attribué.</translation>
    </message>
    <message>
        <source>The case changed meanwhile; it was refreshed, try again.</source>
        <translation>Le dossier a changé entre-temps ; il a été actualisé, réessayez.</translation>
    </message>
</context>
<context>
    <name>Compensation</name>
    <message>
        <source>Refused by the centre: %1 for %2.</source>
        <extracomment>How many dismissed notices are remembered (older ones are long answered and never come back).</extracomment>
        <translation>Refusé par le centre : %1 pour %2.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Voucher %1 is not valid.</source>
        <translation>Le bon %1 n&apos;est pas valable.</translation>
    </message>
    <message>
        <source>Your team lead approved %1 for %2.</source>
        <translation>Votre chef d&apos;équipe a accepté %1 pour %2.</translation>
    </message>
    <message>
        <source>Your team lead declined %1 for %2.</source>
        <translation>Votre chef d&apos;équipe a refusé %1 pour %2.</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Commentaire : %1</translation>
    </message>
    <message>
        <source>Late delivery</source>
        <translation>Retard de livraison</translation>
    </message>
    <message>
        <source>Damaged or defective item</source>
        <translation>Article abîmé ou défectueux</translation>
    </message>
    <message>
        <source>Wrong item delivered</source>
        <translation>Mauvais article livré</translation>
    </message>
    <message>
        <source>Billing error</source>
        <translation>Erreur de facturation</translation>
    </message>
    <message>
        <source>Service failure</source>
        <translation>Défaut de service</translation>
    </message>
    <message>
        <source>Customer loyalty</source>
        <translation>Fidélité du client</translation>
    </message>
    <message>
        <source>Commercial gesture</source>
        <translation>Geste commercial</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Autre motif</translation>
    </message>
    <message>
        <source>Type an amount, for example %1.</source>
        <extracomment>The reason a case&apos;s category suggests (the advisor can change it).</extracomment>
        <translation>Saisissez un montant, par exemple %1.</translation>
    </message>
    <message>
        <source>This is not an amount: type digits, for example %1.</source>
        <translation>Ce n&apos;est pas un montant : saisissez des chiffres, par exemple %1.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Le montant ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>At most two decimals (cents), for example %1.</source>
        <translation>Deux décimales au plus (centimes), par exemple %1.</translation>
    </message>
    <message>
        <source>This amount is far too large (more than %1): check what you typed.</source>
        <translation>Ce montant est beaucoup trop élevé (plus de %1) : vérifiez la saisie.</translation>
    </message>
    <message>
        <source>Your role cannot grant this gesture (%1) on its own.</source>
        <translation>Votre rôle ne permet pas d&apos;accorder seul ce geste (%1).</translation>
    </message>
    <message>
        <source>The amount must be in %1.</source>
        <translation>Le montant doit être en %1.</translation>
    </message>
    <message>
        <source>Over the limit per decision for %1: at most %2, this is %3 over.</source>
        <translation>Au-delà du plafond par décision pour %1 : %2 au plus, soit %3 de trop.</translation>
    </message>
    <message>
        <source>Over your budget for today: %1 left of %2, this is %3 over.</source>
        <translation>Au-delà de votre budget du jour : reste %1 sur %2, soit %3 de trop.</translation>
    </message>
    <message>
        <source>Over the limit for this customer over 30 days: %1 left of %2, this is %3 over.</source>
        <translation>Au-delà du plafond pour ce client sur 30 jours : reste %1 sur %2, soit %3 de trop.</translation>
    </message>
    <message>
        <source>There is no shipping paid to refund: the order had free shipping, or it is not known here.</source>
        <translation>Il n&apos;y a pas de frais de port payés à rembourser : la livraison de la commande était offerte, ou la commande n&apos;est pas connue ici.</translation>
    </message>
    <message>
        <source>More than what is left of the shipping paid: %1 left of %2 paid, this is %3 over.</source>
        <translation>Plus que ce qui reste des frais de port payés : reste %1 sur %2 payés, soit %3 de trop.</translation>
    </message>
    <message>
        <source>More than the shipping the customer paid: %1 paid, this is %2 over.</source>
        <translation>Plus que les frais de port payés par le client : %1 payés, soit %2 de trop.</translation>
    </message>
    <message>
        <source>More than what is left to refund on this line: %1 left of %2 paid, this is %3 over.</source>
        <translation>Plus que ce qui reste à rembourser sur cette ligne : reste %1 sur %2 payés, soit %3 de trop.</translation>
    </message>
    <message>
        <source>Beyond my authority by %1</source>
        <translation>Hors de mon pouvoir de %1</translation>
    </message>
    <message>
        <source>Beyond my authority</source>
        <translation>Hors de mon pouvoir</translation>
    </message>
    <message>
        <source>pending confirmation by the centre</source>
        <translation>en attente de confirmation par le centre</translation>
    </message>
    <message>
        <source>confirmed by the centre</source>
        <translation>confirmé par le centre</translation>
    </message>
    <message>
        <source>refused by the centre</source>
        <translation>refusé par le centre</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>waiting for the team lead</source>
        <translation>en attente du chef d&apos;équipe</translation>
    </message>
    <message>
        <source>approved by the team lead</source>
        <translation>accepté par le chef d&apos;équipe</translation>
    </message>
    <message>
        <source>declined by the team lead</source>
        <translation>refusé par le chef d&apos;équipe</translation>
    </message>
    <message>
        <source>a refund of %1</source>
        <translation>un remboursement de %1</translation>
    </message>
    <message>
        <source>a refund of your shipping costs (%1)</source>
        <translation>le remboursement de vos frais de port (%1)</translation>
    </message>
    <message>
        <source>a voucher of %1</source>
        <translation>un bon d&apos;achat de %1</translation>
    </message>
    <message>
        <source>free shipping on your next order (worth %1)</source>
        <translation>les frais de port offerts sur votre prochaine commande (d&apos;une valeur de %1)</translation>
    </message>
    <message>
        <source>an express replacement (worth %1)</source>
        <translation>un remplacement express (d&apos;une valeur de %1)</translation>
    </message>
    <message>
        <source>an exchange (worth %1)</source>
        <translation>un échange (d&apos;une valeur de %1)</translation>
    </message>
    <message>
        <source>loyalty points worth %1</source>
        <translation>des points de fidélité d&apos;une valeur de %1</translation>
    </message>
    <message>
        <source>a small gift (worth %1)</source>
        <translation>un petit cadeau (d&apos;une valeur de %1)</translation>
    </message>
    <message>
        <source>, code %1</source>
        <translation>, code %1</translation>
    </message>
    <message>
        <source> (pending confirmation)</source>
        <translation> (en attente de confirmation)</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1 (suggéré)</translation>
    </message>
    <message>
        <source>%1: up to %2 now</source>
        <translation>%1 : jusqu&apos;à %2 maintenant</translation>
    </message>
    <message>
        <source>%1 · %2 — %3 left of %4 paid</source>
        <translation>%1 · %2 — reste %3 sur %4 payés</translation>
    </message>
    <message>
        <source>Already refunded: %1</source>
        <translation>Déjà remboursé : %1</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>Approval request: %1 %2 — %3</source>
        <translation>Demande d&apos;accord : %1 %2 — %3</translation>
    </message>
</context>
<context>
    <name>CompensationPanel</name>
    <message>
        <source>Open a customer or a case to see what you can grant them (Ctrl+G).</source>
        <extracomment>The most a reason&apos;s short text holds: a sentence or two, the details go in a note. Preset buttons that fit on one line of the side panel. A gesture was granted (a :class:`Decision`, pending until the centre confirms it). The sentence the advisor asked to insert into the reply (&quot;a voucher of 15,00 €, code …&quot;). An approval request was sent to the team lead (an :class:`Escalation`).</extracomment>
        <translation>Ouvrez un client ou un dossier pour voir ce que vous pouvez lui accorder (Ctrl+G).</translation>
    </message>
    <message>
        <source>Offline: you can still grant within what remained at the last sync. The centre confirms each gesture when the connection is back.</source>
        <translation>Hors ligne : vous pouvez encore accorder dans la limite de ce qui restait à la dernière synchronisation. Le centre confirme chaque geste au retour de la connexion.</translation>
    </message>
    <message>
        <source>What I can grant now</source>
        <translation>Ce que je peux accorder maintenant</translation>
    </message>
    <message>
        <source>Your authority has not been received from the centre yet: connect once (F5) before granting gestures.</source>
        <translation>Votre délégation n&apos;a pas encore été reçue du centre : connectez-vous une fois (F5) avant d&apos;accorder des gestes.</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Geste</translation>
    </message>
    <message>
        <source>&amp;Gesture</source>
        <translation>&amp;Geste</translation>
    </message>
    <message>
        <source>Order line to refund</source>
        <translation>Ligne de commande à rembourser</translation>
    </message>
    <message>
        <source>Order &amp;line</source>
        <translation>&amp;Ligne de commande</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Catégorie du motif</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choisissez un motif…</translation>
    </message>
    <message>
        <source>What happened, in a few words (required)</source>
        <translation>Ce qui s&apos;est passé, en quelques mots (obligatoire)</translation>
    </message>
    <message>
        <source>Reason, in a few words</source>
        <translation>Motif, en quelques mots</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>M&amp;otif</translation>
    </message>
    <message>
        <source>Request approval from team lead</source>
        <translation>Demander l&apos;accord du chef d&apos;équipe</translation>
    </message>
    <message>
        <source>Beyond your authority: ask your team lead; the answer comes back here through sync.</source>
        <translation>Hors de votre pouvoir : demandez à votre chef d&apos;équipe ; la réponse revient ici par la synchronisation.</translation>
    </message>
    <message>
        <source>Insert into the reply</source>
        <translation>Insérer dans la réponse</translation>
    </message>
    <message>
        <source>Gestures and requests for this customer</source>
        <translation>Gestes et demandes pour ce client</translation>
    </message>
    <message>
        <source>This customer is not on this desk yet; it is being fetched.</source>
        <translation>Ce client n&apos;est pas encore sur ce poste ; il est en cours de récupération.</translation>
    </message>
    <message>
        <source>What you can grant could not be read from the local cache. Try again (F5).</source>
        <translation>Ce que vous pouvez accorder n&apos;a pas pu être lu dans le cache local. Réessayez (F5).</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>This customer (30 days)</source>
        <translation>Ce client (30 jours)</translation>
    </message>
    <message>
        <source>This gesture, at most</source>
        <translation>Ce geste, au plus</translation>
    </message>
    <message>
        <source>%1 left of %2</source>
        <translation>reste %1 sur %2</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>De %1 à %2</translation>
    </message>
    <message>
        <source>Nothing left to grant now for this gesture.</source>
        <translation>Plus rien à accorder pour ce geste pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>Montant %1</translation>
    </message>
    <message>
        <source>Beyond what I can grant now</source>
        <translation>Au-delà de ce que je peux accorder maintenant</translation>
    </message>
    <message>
        <source>Say yes</source>
        <translation>Dire oui</translation>
    </message>
    <message>
        <source>Choose the order line to refund.</source>
        <translation>Choisissez la ligne de commande à rembourser.</translation>
    </message>
    <message>
        <source>Type an amount or pick one above.</source>
        <translation>Saisissez un montant ou choisissez-en un ci-dessus.</translation>
    </message>
    <message>
        <source>Give a reason first: a category and a few words.</source>
        <translation>Donnez d&apos;abord un motif : une catégorie et quelques mots.</translation>
    </message>
    <message>
        <source>Give a reason: a category and a few words.</source>
        <translation>Donnez un motif : une catégorie et quelques mots.</translation>
    </message>
    <message>
        <source>Say yes: %1 (Enter)</source>
        <translation>Dire oui : %1 (Entrée)</translation>
    </message>
    <message>
        <source>Grant this gesture now (Enter or Ctrl+Enter)</source>
        <translation>Accorder ce geste maintenant (Entrée ou Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Saying yes…</source>
        <translation>Enregistrement du oui…</translation>
    </message>
    <message>
        <source>Granted: %1.</source>
        <translation>Accordé : %1.</translation>
    </message>
    <message>
        <source>Pending confirmation by the centre.</source>
        <translation>En attente de confirmation par le centre.</translation>
    </message>
    <message>
        <source>Confirmed by the centre.</source>
        <translation>Confirmé par le centre.</translation>
    </message>
    <message>
        <source>Refused by the centre: %1. Do not promise it to the customer.</source>
        <translation>Refusé par le centre : %1. Ne le promettez pas au client.</translation>
    </message>
    <message>
        <source>Your authority has not been received from the centre yet: connect once (F5).</source>
        <translation>Votre délégation n&apos;a pas encore été reçue du centre : connectez-vous une fois (F5).</translation>
    </message>
    <message>
        <source>The gesture was not saved: %1</source>
        <translation>Le geste n&apos;a pas été enregistré : %1</translation>
    </message>
    <message>
        <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
        <translation>Le geste n&apos;a pas été enregistré à cause d&apos;une erreur inattendue. Rien n&apos;a été accordé.</translation>
    </message>
    <message>
        <source>Approval requested from your team lead for %1. Their answer will appear here.</source>
        <translation>Accord demandé à votre chef d&apos;équipe pour %1. Sa réponse s&apos;affichera ici.</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>erreur inattendue</translation>
    </message>
    <message>
        <source>The request was not sent: %1</source>
        <translation>La demande n&apos;a pas été envoyée : %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Acknowledge</source>
        <translation>Accueillir</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Conclure</translation>
    </message>
    <message>
        <source>Welcome what the customer went through: pick an empathy opening or write your own.</source>
        <translation>Accueillez ce que le client a vécu : choisissez une ouverture empathique ou écrivez la vôtre.</translation>
    </message>
    <message>
        <source>Restate the situation and give the solution. A gesture granted in Say yes comes here.</source>
        <translation>Reformulez la situation et apportez la solution. Un geste accordé dans « Dire oui » s’insère ici.</translation>
    </message>
    <message>
        <source>Commit to a follow-up, then sign.</source>
        <translation>Engagez-vous sur un suivi, puis signez.</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>formule d’appel</translation>
    </message>
    <message>
        <source>customer&apos;s first name</source>
        <translation>prénom du client</translation>
    </message>
    <message>
        <source>customer&apos;s last name</source>
        <translation>nom du client</translation>
    </message>
    <message>
        <source>customer&apos;s name</source>
        <translation>nom complet du client</translation>
    </message>
    <message>
        <source>case subject</source>
        <translation>objet du dossier</translation>
    </message>
    <message>
        <source>case reference</source>
        <translation>référence du dossier</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>numéro de commande</translation>
    </message>
    <message>
        <source>order date</source>
        <translation>date de commande</translation>
    </message>
    <message>
        <source>product name</source>
        <translation>nom du produit</translation>
    </message>
    <message>
        <source>amount of the gesture (grant it in Say yes)</source>
        <translation>montant du geste (à accorder dans « Dire oui »)</translation>
    </message>
    <message>
        <source>gesture (grant it in Say yes)</source>
        <translation>geste (à accorder dans « Dire oui »)</translation>
    </message>
    <message>
        <source>loyalty points</source>
        <translation>points de fidélité</translation>
    </message>
    <message>
        <source>voucher code</source>
        <translation>code du bon d’achat</translation>
    </message>
    <message>
        <source>your first name</source>
        <translation>votre prénom</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>votre nom</translation>
    </message>
    <message>
        <source>follow-up date</source>
        <translation>date du suivi</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>votre réponse</translation>
    </message>
    <message>
        <source>Values filled in</source>
        <translation>Valeurs complétées</translation>
    </message>
    <message>
        <source>No request for a score</source>
        <translation>Aucune demande de note</translation>
    </message>
    <message>
        <source>Length for X</source>
        <translation>Longueur pour X</translation>
    </message>
    <message>
        <source>SMS length</source>
        <translation>Longueur du SMS</translation>
    </message>
    <message>
        <source>Detailed enough</source>
        <translation>Assez détaillée</translation>
    </message>
    <message>
        <source>Empathy</source>
        <translation>Empathie</translation>
    </message>
    <message>
        <source>Empathy first</source>
        <translation>L’empathie d’abord</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>Specifics of the case</source>
        <translation>Éléments du dossier</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Blocks sending</source>
        <translation>Bloque l’envoi</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>À confirmer</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Every value is filled in.</source>
        <translation>Toutes les valeurs sont complétées.</translation>
    </message>
    <message>
        <source>Fill in the highlighted values before sending: %1.</source>
        <translation>Complétez les valeurs surlignées avant l’envoi : %1.</translation>
    </message>
    <message>
        <source>The reply does not ask for a given score.</source>
        <translation>La réponse ne demande aucune note précise.</translation>
    </message>
    <message>
        <source>Never ask the customer for a given score or a good rating (%1): it corrupts satisfaction measures.</source>
        <translation>Ne demandez jamais au client une note précise ou une bonne évaluation (%1) : cela fausse la mesure de la satisfaction.</translation>
    </message>
    <message>
        <source>%1 of %2 characters.</source>
        <translation>%1 caractères sur %2.</translation>
    </message>
    <message>
        <source>Too long for X: %1 characters, %2 at most. Shorten it or answer by direct message.</source>
        <translation>Trop long pour X : %1 caractères, %2 au plus. Raccourcissez ou répondez en message privé.</translation>
    </message>
    <message>
        <source>%1 SMS segment(s), %2 at most.</source>
        <translation>%1 segment(s) SMS, %2 au plus.</translation>
    </message>
    <message>
        <source>Too long for an SMS: %1 segments, %2 at most. Shorten it, or call or e-mail.</source>
        <translation>Trop long pour un SMS : %1 segments, %2 au plus. Raccourcissez, ou appelez ou écrivez un e-mail.</translation>
    </message>
    <message>
        <source>%1 words.</source>
        <translation>%1 mots.</translation>
    </message>
    <message>
        <source>Rather terse for a written answer: %1 words, at least %2 expected. Say more, or confirm.</source>
        <translation>Plutôt laconique pour une réponse écrite : %1 mots, %2 au moins attendus. Développez, ou confirmez.</translation>
    </message>
    <message>
        <source>The reply welcomes what the customer went through.</source>
        <translation>La réponse accueille ce que le client a vécu.</translation>
    </message>
    <message>
        <source>No empathy part: start by welcoming what the customer went through (step Acknowledge).</source>
        <translation>Pas de partie empathique : commencez par accueillir ce que le client a vécu (étape Accueillir).</translation>
    </message>
    <message>
        <source>Empathy comes before the solution.</source>
        <translation>L’empathie vient avant la solution.</translation>
    </message>
    <message>
        <source>The empathy does not come first: express it (sorry, I understand…) before the solution.</source>
        <translation>L’empathie ne vient pas en premier : exprimez-la (désolé, je comprends…) avant la solution.</translation>
    </message>
    <message>
        <source>The customer is addressed by name.</source>
        <translation>Le client est appelé par son nom.</translation>
    </message>
    <message>
        <source>The customer&apos;s name does not appear (%1).</source>
        <translation>Le nom du client n’apparaît pas (%1).</translation>
    </message>
    <message>
        <source>Nothing specific to mention on this case.</source>
        <translation>Rien de particulier à citer sur ce dossier.</translation>
    </message>
    <message>
        <source>Mentions %1.</source>
        <translation>Cite %1.</translation>
    </message>
    <message>
        <source>Nothing specific to the case is mentioned, for example %1.</source>
        <translation>Rien de propre au dossier n’est cité, par exemple %1.</translation>
    </message>
    <message>
        <source>Receipt was acknowledged.</source>
        <translation>La réception a été accusée.</translation>
    </message>
    <message>
        <source>New complaint: acknowledge receipt now (Ctrl+Shift+A) if the full answer takes time.</source>
        <translation>Nouvelle réclamation : accusez réception maintenant (Ctrl+Maj+A) si la réponse complète prend du temps.</translation>
    </message>
    <message>
        <source>%1 / %2 characters (%3 too many)</source>
        <translation>%1 / %2 caractères (%3 de trop)</translation>
    </message>
    <message>
        <source>%1 / %2 characters (%3 left)</source>
        <translation>%1 / %2 caractères (reste %3)</translation>
    </message>
    <message>
        <source>%1 segment(s) · %2 characters left in this one</source>
        <translation>%1 segment(s) · reste %2 caractères dans celui-ci</translation>
    </message>
    <message>
        <source>Unicode because of %1</source>
        <translation>Unicode à cause de %1</translation>
    </message>
    <message>
        <source>A value to fill in before sending</source>
        <extracomment>Pause in typing after which the draft is saved.</extracomment>
        <translation>Une valeur à compléter avant l’envoi</translation>
    </message>
    <message>
        <source>Script options: Up/Down to move, Enter to use one</source>
        <translation>Propositions du script : Haut/Bas pour parcourir, Entrée pour en utiliser une</translation>
    </message>
    <message>
        <source>Pick an option above or write here.</source>
        <translation>Choisissez une proposition ci-dessus ou écrivez ici.</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>Open a case from the work queue or the timeline to prepare its reply.</source>
        <extracomment>The reply was written locally (the Interaction); the timeline shows it through the change bus. Say something in the status bar (a sentence in the user&apos;s language).</extracomment>
        <translation>Ouvrez un dossier depuis la file de travail ou l’historique pour préparer sa réponse.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Langue de la réponse</translation>
    </message>
    <message>
        <source>Language of the reply (the customer&apos;s by default)</source>
        <translation>Langue de la réponse (celle du client par défaut)</translation>
    </message>
    <message>
        <source>New complaint: acknowledge receipt while you prepare the answer.</source>
        <translation>Nouvelle réclamation : accusez réception pendant que vous préparez la réponse.</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>Acknowledge receipt with the script&apos;s text (%1)</source>
        <translation>Accuser réception avec le texte du script (%1)</translation>
    </message>
    <message>
        <source>I have read it, back to my reply</source>
        <translation>C’est lu, je reviens à ma réponse</translation>
    </message>
    <message>
        <source>Send as it is</source>
        <translation>Envoyer telle quelle</translation>
    </message>
    <message>
        <source>&amp;Follow-up on</source>
        <translation>&amp;Suivi le</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Date du suivi</translation>
    </message>
    <message>
        <source>Si&amp;gnature</source>
        <translation>Si&amp;gnature</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Preview of the reply</source>
        <translation>Aperçu de la réponse</translation>
    </message>
    <message>
        <source>Checks before sending</source>
        <translation>Vérifications avant envoi</translation>
    </message>
    <message>
        <source>Send anyway: I have reviewed the points “to confirm”</source>
        <translation>Envoyer quand même : j’ai vérifié les points « à confirmer »</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Puis :</translation>
    </message>
    <message>
        <source>Case status after sending</source>
        <translation>Statut du dossier après l’envoi</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the reply (%1)</source>
        <translation>Envoyer la réponse (%1)</translation>
    </message>
    <message>
        <source>Choose a case of this customer in the timeline to prepare its reply.</source>
        <translation>Choisissez un dossier de ce client dans l’historique pour préparer sa réponse.</translation>
    </message>
    <message>
        <source>Preparing the reply…</source>
        <translation>Préparation de la réponse…</translation>
    </message>
    <message>
        <source>The case could not be read from the local cache. Try again in a moment.</source>
        <translation>Le dossier n’a pas pu être lu dans le cache local. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>This case is not in the local cache.</source>
        <translation>Ce dossier n’est pas dans le cache local.</translation>
    </message>
    <message>
        <source>A saved draft of this case could not be read; starting afresh.</source>
        <translation>Un brouillon enregistré de ce dossier n’a pas pu être lu ; nouvelle réponse.</translation>
    </message>
    <message>
        <source>No reply script could be loaded for this case: reinstall Advisor Desk.</source>
        <translation>Aucun script de réponse n’a pu être chargé pour ce dossier : réinstallez Advisor Desk.</translation>
    </message>
    <message>
        <source>Script: %1</source>
        <translation>Script : %1</translation>
    </message>
    <message>
        <source>from the centre</source>
        <translation>du siège</translation>
    </message>
    <message>
        <source>Your draft of this reply was restored.</source>
        <translation>Votre brouillon de cette réponse a été restauré.</translation>
    </message>
    <message>
        <source>unchanged (%1)</source>
        <translation>inchangé (%1)</translation>
    </message>
    <message>
        <source>No script in this language for this case.</source>
        <translation>Pas de script dans cette langue pour ce dossier.</translation>
    </message>
    <message>
        <source>Gesture granted, in the reply: %1</source>
        <translation>Geste accordé, repris dans la réponse : %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Write the reply first: pick an empathy opening to start (Alt+1).</source>
        <translation>Rédigez d’abord la réponse : commencez par une ouverture empathique (Alt+1).</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>Envoi impossible : %1</translation>
    </message>
    <message>
        <source>Confirm the points “to confirm” (tick “Send anyway”) or fix them.</source>
        <translation>Confirmez les points « à confirmer » (cochez « Envoyer quand même ») ou corrigez-les.</translation>
    </message>
    <message>
        <source>Your draft could not be saved locally; it stays here, keep this panel open.</source>
        <translation>Votre brouillon n’a pas pu être enregistré localement ; il reste ici, gardez ce panneau ouvert.</translation>
    </message>
    <message>
        <source>The customer wrote again since you started this reply.</source>
        <translation>Le client a réécrit depuis que vous avez commencé cette réponse.</translation>
    </message>
    <message>
        <source>The customer wrote %1 more messages since you started this reply.</source>
        <translation>Le client a écrit %1 nouveaux messages depuis que vous avez commencé cette réponse.</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>Un collègue</translation>
    </message>
    <message>
        <source>%1 answered since you started this reply.</source>
        <translation>%1 a répondu depuis que vous avez commencé cette réponse.</translation>
    </message>
    <message>
        <source>Read the timeline before sending.</source>
        <translation>Lisez l’historique avant d’envoyer.</translation>
    </message>
    <message>
        <source>Reply sent: it is on the timeline and goes to the centre with the next sync.</source>
        <translation>Réponse envoyée : elle figure dans l’historique et part vers le siège à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Reply sent. Preparing a new reply…</source>
        <translation>Réponse envoyée. Préparation d’une nouvelle réponse…</translation>
    </message>
    <message>
        <source>This case is no longer in the local cache. Nothing was sent; your draft is kept.</source>
        <translation>Ce dossier n’est plus dans le cache local. Rien n’a été envoyé ; votre brouillon est conservé.</translation>
    </message>
    <message>
        <source>The case cannot take this status now. Nothing was sent: choose another and send again.</source>
        <translation>Le dossier ne peut pas prendre ce statut maintenant. Rien n’a été envoyé : choisissez-en un autre et renvoyez.</translation>
    </message>
    <message>
        <source>The local cache refused the reply. Nothing was sent; your draft is kept.</source>
        <translation>Le cache local a refusé la réponse. Rien n’a été envoyé ; votre brouillon est conservé.</translation>
    </message>
    <message>
        <source>The reply could not be saved. Nothing was sent; your draft is kept, try again.</source>
        <translation>La réponse n’a pas pu être enregistrée. Rien n’a été envoyé ; votre brouillon est conservé, réessayez.</translation>
    </message>
    <message>
        <source>There is no receipt to acknowledge on this case.</source>
        <translation>Il n’y a pas de réception à accuser sur ce dossier.</translation>
    </message>
    <message>
        <source>Receipt acknowledged: the first-response clock has stopped.</source>
        <translation>Réception accusée : le chrono de première réponse est arrêté.</translation>
    </message>
    <message>
        <source>The acknowledgement could not be saved. Nothing was sent.</source>
        <translation>L’accusé de réception n’a pas pu être enregistré. Rien n’a été envoyé.</translation>
    </message>
</context>
<context>
    <name>Customer360Panel</name>
    <message>
        <source>No customer open. Pick a case in the work queue or search a customer (Ctrl+K).</source>
        <translation>Aucun client ouvert. Choisissez un dossier dans la file de travail ou recherchez un client (Ctrl+K).</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The customer file could not be read from the local cache.</source>
        <translation>La fiche client n&apos;a pas pu être lue dans le cache local.</translation>
    </message>
    <message>
        <source>This customer is not in the local cache yet.</source>
        <translation>Ce client n&apos;est pas encore dans le cache local.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <source>Loyalty card</source>
        <translation>Carte de fidélité</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Canal préféré</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Niveau client</translation>
    </message>
    <message>
        <source>Open cases (%1)</source>
        <translation>Dossiers ouverts (%1)</translation>
    </message>
    <message>
        <source>No open case.</source>
        <translation>Aucun dossier ouvert.</translation>
    </message>
    <message>
        <source>Recent orders</source>
        <translation>Commandes récentes</translation>
    </message>
    <message>
        <source>No order.</source>
        <translation>Aucune commande.</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>No rating yet.</source>
        <translation>Aucune note pour le moment.</translation>
    </message>
    <message>
        <source>Last scores: %1</source>
        <translation>Dernières notes : %1</translation>
    </message>
    <message>
        <source>Goodwill gestures, last 12 months</source>
        <translation>Gestes commerciaux, 12 derniers mois</translation>
    </message>
    <message>
        <source>No gesture in the last 12 months.</source>
        <translation>Aucun geste commercial sur les 12 derniers mois.</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>No internal note.</source>
        <translation>Aucune note interne.</translation>
    </message>
</context>
<context>
    <name>CustomerHeader</name>
    <message>
        <source>Customer name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>Customer facts</source>
        <translation>Informations client</translation>
    </message>
    <message>
        <source>Customer flags</source>
        <translation>Alertes client</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No customer open</source>
        <translation>Aucun client ouvert</translation>
    </message>
    <message>
        <source>Press Ctrl+K to search, or pick a case in the work queue.</source>
        <translation>Appuyez sur Ctrl+K pour rechercher, ou choisissez un dossier dans la file de travail.</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>Niveau : %1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Langue : %1</translation>
    </message>
    <message>
        <source>Prefers: %1</source>
        <translation>Préfère : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n dossier ouvert</numerusform>
            <numerusform>%n dossiers ouverts</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ Unhappy last time (%1/5)</source>
        <translation>⚠ Mécontent la dernière fois (%1/5)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n complaint(s) in 90 days</source>
        <translation>
            <numerusform>⚠ %n réclamation en 90 jours</numerusform>
            <numerusform>⚠ %n réclamations en 90 jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gesture(s) this year</source>
        <translation>
            <numerusform>%n geste commercial cette année</numerusform>
            <numerusform>%n gestes commerciaux cette année</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionTableModel</name>
    <message>
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Geste</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revu</translation>
    </message>
    <message>
        <source>No flag</source>
        <translation>Aucune alerte</translation>
    </message>
    <message>
        <source>Reviewed by %1 on %2</source>
        <translation>Revu par %1 le %2</translation>
    </message>
    <message>
        <source>%1 (made offline)</source>
        <translation>%1 (hors ligne)</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>Advisor Desk</source>
        <extracomment>The desktop entry&apos;s name (packaging/linux/fr.advisordesk.AdvisorDesk.desktop): Wayland and the task bars match the window to it for the icon and the name.</extracomment>
        <translation>Advisor Desk</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>Création de la base de démonstration…</translation>
    </message>
    <message>
        <source>Filling it with demo customers, cases and orders…</source>
        <translation>Ajout des clients, dossiers et commandes de démonstration…</translation>
    </message>
    <message>
        <source>Starting the demo server…</source>
        <translation>Démarrage du serveur de démonstration…</translation>
    </message>
    <message>
        <source>Opening the local cache…</source>
        <extracomment>The message shown when the start failed (tests look at it instead of waiting).</extracomment>
        <translation>Ouverture du cache local…</translation>
    </message>
    <message>
        <source>Logging in as the demo user…</source>
        <translation>Connexion avec l&apos;utilisateur de démonstration…</translation>
    </message>
    <message>
        <source>Loading your team&apos;s customers and cases…</source>
        <translation>Chargement des clients et dossiers de votre équipe…</translation>
    </message>
    <message>
        <source>Log in once so the desk knows who you are.</source>
        <translation>Connectez-vous une fois pour que le poste sache qui vous êtes.</translation>
    </message>
    <message>
        <source>The local cache was damaged</source>
        <translation>Le cache local était endommagé</translation>
    </message>
    <message>
        <source>The damaged file was set aside (not deleted) and a fresh cache is being filled from the central system. Unsent actions recovered: %1.</source>
        <translation>Le fichier endommagé a été mis de côté (pas supprimé) et un nouveau cache est rempli depuis le système central. Actions non envoyées récupérées : %1.</translation>
    </message>
    <message>
        <source>Your session ended. Type your password to go on; nothing you did was lost.</source>
        <translation>Votre session a expiré. Saisissez votre mot de passe pour continuer ; rien de ce que vous avez fait n&apos;est perdu.</translation>
    </message>
    <message>
        <source>The demo server could not start.</source>
        <translation>Le serveur de démonstration n&apos;a pas pu démarrer.</translation>
    </message>
    <message>
        <source>Check that nothing else is wrong with this installation, then try again.</source>
        <translation>Vérifiez l&apos;installation, puis réessayez.</translation>
    </message>
    <message>
        <source>The desk could not open your session:</source>
        <translation>Le poste n&apos;a pas pu ouvrir votre session :</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Signed in as</source>
        <translation>Connecté en tant que</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Voucher code</source>
        <translation>Code du bon</translation>
    </message>
    <message>
        <source>Pending confirmation by the centre.</source>
        <translation>En attente de confirmation par le centre.</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Enregistrer le reçu en PDF</translation>
    </message>
    <message>
        <source>Next customer</source>
        <translation>Client suivant</translation>
    </message>
</context>
<context>
    <name>FilterButton</name>
    <message>
        <source>Show all</source>
        <extracomment>Rows whose badge texts size the urgency column at each refresh (more than a screen holds). Called with the width a painted badge needs when its column is narrower (never cut).</extracomment>
        <translation>Tout afficher</translation>
    </message>
</context>
<context>
    <name>FindPage</name>
    <message>
        <source>Find the customer</source>
        <extracomment>Touch targets: at least 48 px high (WCAG 2.5.5 asks 44 CSS px), and large type for a counter. How many interactions the See step shows: the last few, the whole story is on the desk. Matches that are a person&apos;s identifier: one such hit opens the customer at once.</extracomment>
        <translation>Trouver le client</translation>
    </message>
    <message>
        <source>Scan the loyalty card, or type a phone number, an e-mail or an order number, then Enter.</source>
        <translation>Scannez la carte de fidélité, ou saisissez un téléphone, un e-mail ou un numéro de commande, puis Entrée.</translation>
    </message>
    <message>
        <source>Loyalty card, phone, e-mail or order number</source>
        <translation>Carte de fidélité, téléphone, e-mail ou numéro de commande</translation>
    </message>
    <message>
        <source>Customers found</source>
        <translation>Clients trouvés</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>Follow-up · overdue</source>
        <translation>Rappel · en retard</translation>
    </message>
    <message>
        <source>Follow-up · today</source>
        <translation>Rappel · aujourd’hui</translation>
    </message>
    <message>
        <source>Follow-up · later</source>
        <translation>Rappel · plus tard</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message>
        <source>Verify again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Verifying the decision log…</source>
        <translation>Vérification du journal des décisions…</translation>
    </message>
    <message>
        <source>The centre&apos;s copy confirms it up to entry %1.</source>
        <translation>La copie du central le confirme jusqu&apos;à l&apos;entrée %1.</translation>
    </message>
    <message>
        <source>The centre&apos;s copy could not be compared: local verification only.</source>
        <translation>La copie du central n&apos;a pas pu être comparée : vérification locale seulement.</translation>
    </message>
    <message>
        <source>Verified up to entry %1.</source>
        <translation>Vérifié jusqu&apos;à l&apos;entrée %1.</translation>
    </message>
    <message>
        <source>Entries in the log: %1</source>
        <translation>Entrées du journal : %1</translation>
    </message>
    <message>
        <source>The decision log could not be verified: %1</source>
        <translation>Le journal des décisions n&apos;a pas pu être vérifié : %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>X (Twitter)</source>
        <translation>X (Twitter)</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Review site</source>
        <translation>Site d&apos;avis</translation>
    </message>
    <message>
        <source>Store visit</source>
        <translation>Visite en magasin</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Formulaire web</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Note interne</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Réclamation</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Demande d&apos;information</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Compliment</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Réception accusée</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Waiting for customer</source>
        <translation>En attente du client</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Late delivery</source>
        <translation>Retard de livraison</translation>
    </message>
    <message>
        <source>Damaged item</source>
        <translation>Article endommagé</translation>
    </message>
    <message>
        <source>Defective product</source>
        <translation>Produit défectueux</translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation>Erreur d’article</translation>
    </message>
    <message>
        <source>Billing error</source>
        <translation>Erreur de facturation</translation>
    </message>
    <message>
        <source>Refund not received</source>
        <translation>Remboursement non reçu</translation>
    </message>
    <message>
        <source>Staff behaviour</source>
        <translation>Comportement du personnel</translation>
    </message>
    <message>
        <source>Website or app</source>
        <translation>Site ou application</translation>
    </message>
    <message>
        <source>Store experience</source>
        <translation>Expérience en magasin</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Dans les délais</translation>
    </message>
    <message>
        <source>Near target</source>
        <translation>Délai proche</translation>
    </message>
    <message>
        <source>Past target</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <source>Past limit</source>
        <translation>Limite dépassée</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Traité</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Store staff</source>
        <translation>Personnel magasin</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Chef d&apos;équipe</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Argent</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Or</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platine</translation>
    </message>
    <message>
        <source>pending confirmation</source>
        <translation>en attente de confirmation</translation>
    </message>
    <message>
        <source>granted</source>
        <translation>accordé</translation>
    </message>
    <message>
        <source>rejected by the centre</source>
        <translation>refusé par le siège</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>waiting for the team lead</source>
        <translation>en attente du responsable</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approuvée</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>refusée</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>Qualité du produit</translation>
    </message>
    <message>
        <source>Product design</source>
        <translation>Conception du produit</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Entrepôt</translation>
    </message>
    <message>
        <source>Wrong information given</source>
        <translation>Information erronée donnée</translation>
    </message>
    <message>
        <source>Billing system</source>
        <translation>Système de facturation</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Customer misunderstanding</source>
        <translation>Incompréhension du client</translation>
    </message>
</context>
<context>
    <name>LogEntryModel</name>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Confirmed by the centre</source>
        <translation>Confirmé par le central</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Geste accordé</translation>
    </message>
    <message>
        <source>Refused by the centre</source>
        <translation>Refusé par le central</translation>
    </message>
    <message>
        <source>Approval request</source>
        <translation>Demande d&apos;accord</translation>
    </message>
    <message>
        <source>Approval answer</source>
        <translation>Réponse à la demande d&apos;accord</translation>
    </message>
    <message>
        <source>Revocation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and your network, then try again.</source>
        <translation>Le serveur est injoignable. Vérifiez l&apos;adresse et votre réseau, puis réessayez.</translation>
    </message>
    <message>
        <source>The server had a problem. Try again in a moment.</source>
        <translation>Le serveur a rencontré un problème. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The server answered something unexpected. Is this the address of an Advisor Desk server?</source>
        <translation>Le serveur a répondu de façon inattendue. S&apos;agit-il bien de l&apos;adresse d&apos;un serveur Advisor Desk ?</translation>
    </message>
    <message>
        <source>The address must start with https:// (plain http is only allowed on this computer).</source>
        <translation>L&apos;adresse doit commencer par https:// (le http simple n&apos;est permis que sur cet ordinateur).</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute before trying again.</source>
        <translation>Trop de tentatives. Attendez une minute avant de réessayer.</translation>
    </message>
    <message>
        <source>This account may not use the desk.</source>
        <translation>Ce compte n&apos;est pas autorisé à utiliser le poste.</translation>
    </message>
    <message>
        <source>Logging in failed. Check the address, the user name and the password.</source>
        <translation>La connexion a échoué. Vérifiez l&apos;adresse, l&apos;identifiant et le mot de passe.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Advisor Desk</source>
        <extracomment>(server url, result of login) after a successful login</extracomment>
        <translation>Connexion à Advisor Desk</translation>
    </message>
    <message>
        <source>Enter the address of your organisation&apos;s Advisor Desk server and your account.</source>
        <translation>Saisissez l&apos;adresse du serveur Advisor Desk de votre organisation et votre compte.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Allow plain http (not secure; for tests only)</source>
        <translation>Autoriser le http simple (non sécurisé ; pour les tests uniquement)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Fill in the server address, the user name and the password.</source>
        <translation>Renseignez l&apos;adresse du serveur, l&apos;identifiant et le mot de passe.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Advisor Desk</source>
        <extracomment>The collector&apos;s thresholds once the desk has started (Python&apos;s default is 700, 10, 10). The desk controller listens: &quot;fr&quot;, &quot;en&quot; or &quot;system&quot;.</extracomment>
        <translation>Advisor Desk</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>démonstration</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>File de travail</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Reply: the composer comes here (acknowledge → solve → close, with the checks list). Open a case to prepare its reply.</source>
        <translation>Répondre : la rédaction de la réponse arrive ici (accuser réception → résoudre → clore, avec la liste de vérification). Ouvrez un dossier pour préparer sa réponse.</translation>
    </message>
    <message>
        <source>Say yes: your envelope left, suggested gestures and amounts come here. Open a case to see what you can grant.</source>
        <translation>Dire oui : votre enveloppe restante, les gestes commerciaux suggérés et leurs montants arrivent ici. Ouvrez un dossier pour voir ce que vous pouvez accorder.</translation>
    </message>
    <message>
        <source>Reply</source>
        <extracomment>The side panels themselves (the composer and Say yes when installed, else placeholders).</extracomment>
        <translation>Répondre</translation>
    </message>
    <message>
        <source>Say yes</source>
        <translation>Dire oui</translation>
    </message>
    <message>
        <source>Customer 360</source>
        <translation>Client 360</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>budget left today: %1</source>
        <translation>budget restant aujourd&apos;hui : %1</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Poste</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Sync details…</source>
        <translation>Détails de la synchronisation…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <source>Search a customer</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Dossier</translation>
    </message>
    <message>
        <source>Record the outcome…</source>
        <translation>Noter le résultat de l’appel…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>About Advisor Desk</source>
        <translation>À propos d&apos;Advisor Desk</translation>
    </message>
    <message>
        <source>New activity on the open case.</source>
        <translation>Nouvelle activité sur le dossier ouvert.</translation>
    </message>
    <message>
        <source>Fetching the customer from the central system…</source>
        <translation>Récupération du client depuis le système central…</translation>
    </message>
    <message>
        <source>The customer could not be fetched from the central system.</source>
        <translation>Le client n&apos;a pas pu être récupéré depuis le système central.</translation>
    </message>
    <message>
        <source>This customer is not in the local cache.</source>
        <translation>Ce client n&apos;est pas dans le cache local.</translation>
    </message>
    <message>
        <source>The customer could not be read from the local cache.</source>
        <translation>Le client n&apos;a pas pu être lu dans le cache local.</translation>
    </message>
    <message>
        <source>The customer you had open was removed from this desk: erased at the centre, or no longer in your scope.</source>
        <translation>Le client que vous aviez ouvert a été retiré de ce poste : effacé par le centre, ou sorti de votre périmètre.</translation>
    </message>
    <message>
        <source>This follow-up is no longer due.</source>
        <translation>Ce suivi n’est plus à faire.</translation>
    </message>
    <message>
        <source>Follow-up outcome recorded.</source>
        <translation>Résultat du suivi enregistré.</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>Appel de suivi</translation>
    </message>
    <message>
        <source>Schedule a follow-up call to check the customer is satisfied?</source>
        <translation>Planifier un appel de suivi pour vérifier que le client est satisfait ?</translation>
    </message>
    <message>
        <source>Schedule a follow-up…</source>
        <translation>Planifier un suivi…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>This desk has no connection to a central system.</source>
        <translation>Ce poste n&apos;est relié à aucun système central.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>Your session with the central system has ended. The desk keeps working from the cache and your actions wait; log in again to sync them.</source>
        <translation>Votre session avec le système central a expiré. Le poste continue de fonctionner avec le cache et vos actions sont en attente ; reconnectez-vous pour les synchroniser.</translation>
    </message>
    <message>
        <source>Log in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <source>Something went wrong while reading or saving. Nothing was lost; try again, and tell support if it keeps happening.</source>
        <translation>Un problème est survenu pendant une lecture ou un enregistrement. Rien n&apos;est perdu ; réessayez et prévenez le support si cela se reproduit.</translation>
    </message>
    <message>
        <source>The decision log review of your team comes here.</source>
        <translation>La revue du journal des décisions de votre équipe arrive ici.</translation>
    </message>
    <message>
        <source>Team reports come here.</source>
        <translation>Les rapports de l&apos;équipe arrivent ici.</translation>
    </message>
    <message>
        <source>Internal note…</source>
        <translation>Note interne…</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>Send / confirm</source>
        <translation>Envoyer / confirmer</translation>
    </message>
    <message>
        <source>Decisions (team lead)</source>
        <translation>Décisions (chef d&apos;équipe)</translation>
    </message>
    <message>
        <source>Reports (team lead)</source>
        <translation>Rapports (chef d&apos;équipe)</translation>
    </message>
    <message>
        <source>Back / close popup</source>
        <translation>Retour / fermer la liste</translation>
    </message>
    <message>
        <source>Advisor Desk: one timeline per customer across every channel, and the power to say yes.</source>
        <translation>Advisor Desk : un seul historique par client sur tous les canaux, et le pouvoir de dire oui.</translation>
    </message>
</context>
<context>
    <name>MessageNotifier</name>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>A new message arrived on the open case ({channel}).</source>
        <translation>Un nouveau message est arrivé sur le dossier ouvert ({channel}).</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Write something first: an empty note is not saved.</source>
        <translation>Écrivez d&apos;abord quelque chose : une note vide n&apos;est pas enregistrée.</translation>
    </message>
    <message>
        <source>This text is too long (%1 characters at most).</source>
        <translation>Ce texte est trop long (%1 caractères au plus).</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Seen, dismiss</source>
        <extracomment>A notice that was not on the board before (for a status-bar message or an alert).</extracomment>
        <translation>Vu, masquer</translation>
    </message>
    <message numerus="yes">
        <source>%n gesture(s) refused by the centre</source>
        <translation>
            <numerusform>%n geste refusé par le centre</numerusform>
            <numerusform>%n gestes refusés par le centre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approval request(s) answered</source>
        <translation>
            <numerusform>%n demande d&apos;accord traitée</numerusform>
            <numerusform>%n demandes d&apos;accord traitées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Follow-up call outcome</source>
        <translation>Résultat de l’appel de suivi</translation>
    </message>
    <message>
        <source>Call again on</source>
        <translation>Rappeler le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>How did the call go?</source>
        <translation>Comment s’est passé l’appel ?</translation>
    </message>
    <message>
        <source>The follow-up is done.</source>
        <translation>Le suivi est terminé.</translation>
    </message>
    <message>
        <source>The follow-up is done; the case is still open and being handled.</source>
        <translation>Le suivi est terminé ; le dossier est toujours ouvert et en cours de traitement.</translation>
    </message>
    <message>
        <source>The case will be reopened so that someone handles it again.</source>
        <translation>Le dossier sera rouvert pour être traité à nouveau.</translation>
    </message>
    <message>
        <source>A new case will be opened for this customer.</source>
        <translation>Un nouveau dossier sera ouvert pour ce client.</translation>
    </message>
    <message>
        <source>The call stays in the queue at the new time.</source>
        <translation>L’appel reste dans la file à la nouvelle heure.</translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation>Indiquez comment s’est passé l’appel.</translation>
    </message>
    <message>
        <source>Choose a later time to call again.</source>
        <translation>Choisissez une heure plus tardive pour rappeler.</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Open a customer from the work queue or search (Ctrl+K) to start.</source>
        <translation>Ouvrez un client depuis la file de travail ou la recherche (Ctrl+K) pour commencer.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <extracomment>Icons every desk screen relies on (channel glyphs from two qtawesome fonts, solid and brands).</extracomment>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>Time left</source>
        <extracomment>The user&apos;s time zone: a follow-up is &quot;today&quot; in it. Distinct badge texts of the rows, when the loader worked them out (off the GUI thread).</extracomment>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <extracomment>Made once: combining Qt flags in Python at each call costs more than the rest of flags().</extracomment>
        <translation>Suivi : %1</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>échéance %1</translation>
    </message>
</context>
<context>
    <name>QueueWidget</name>
    <message>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
    <message>
        <source>Only the cases assigned to me</source>
        <translation>Seulement les dossiers qui me sont attribués</translation>
    </message>
    <message>
        <source>Only my cases</source>
        <translation>Seulement mes dossiers</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statuts</translation>
    </message>
    <message>
        <source>Cases per state</source>
        <translation>Dossiers par état</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>File de travail</translation>
    </message>
    <message>
        <source>Loading the work queue…</source>
        <translation>Chargement de la file de travail…</translation>
    </message>
    <message>
        <source>Your team&apos;s cases have not reached this desk yet: they come with the first sync (F5).</source>
        <translation>Les dossiers de votre équipe ne sont pas encore arrivés sur ce poste : ils arriveront avec la première synchronisation (F5).</translation>
    </message>
    <message>
        <source>Nothing waiting: no open case matches these filters.</source>
        <translation>Rien en attente : aucun dossier ouvert ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Nothing waiting: every case of your team is handled.</source>
        <translation>Rien en attente : tous les dossiers de votre équipe sont traités.</translation>
    </message>
    <message>
        <source>The work queue could not be read from the local cache. Try F5 to sync again.</source>
        <translation>La file de travail n&apos;a pas pu être lue dans le cache local. Essayez F5 pour resynchroniser.</translation>
    </message>
    <message>
        <source>Follow-ups %1</source>
        <translation>Suivis %1</translation>
    </message>
    <message>
        <source>Mine %1</source>
        <translation>Les miens %1</translation>
    </message>
</context>
<context>
    <name>ReadInFullDialog</name>
    <message>
        <source>Full text</source>
        <extracomment>Characters of a preview; beyond it the text is elided and readable in full on demand.</extracomment>
        <translation>Texte intégral</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Goodwill gesture</source>
        <translation>Geste commercial</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Accordé par</translation>
    </message>
    <message>
        <source>Goodwill gesture receipt</source>
        <translation>Reçu de geste commercial</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>Code du bon</translation>
    </message>
    <message>
        <source>Pending confirmation by the centre: this gesture was granted while the store was offline.</source>
        <translation>En attente de confirmation par le centre : ce geste a été accordé pendant que le magasin était hors ligne.</translation>
    </message>
    <message>
        <source>Thank you for your visit.</source>
        <translation>Merci de votre visite.</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Reçu %1</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>Imprimer le reçu</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Nothing in this period</source>
        <translation>Rien sur cette période</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>Rien sur cette période.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Réclamations</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Complaints opened</source>
        <translation>Réclamations ouvertes</translation>
    </message>
    <message>
        <source>Complaints resolved</source>
        <translation>Réclamations résolues</translation>
    </message>
    <message>
        <source>Resolved at first contact</source>
        <translation>Résolues au premier contact</translation>
    </message>
    <message>
        <source>Goodwill gestures</source>
        <translation>Gestes commerciaux</translation>
    </message>
    <message>
        <source>Cost of gestures</source>
        <translation>Coût des gestes</translation>
    </message>
    <message>
        <source>Average satisfaction (team)</source>
        <translation>Satisfaction moyenne (équipe)</translation>
    </message>
    <message>
        <source>Products under watch</source>
        <translation>Produits sous surveillance</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Complaints by category</source>
        <translation>Réclamations par catégorie</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>Sans produit</translation>
    </message>
    <message>
        <source>Other products</source>
        <translation>Autres produits</translation>
    </message>
    <message>
        <source>Complaints by product</source>
        <translation>Réclamations par produit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Complaints by channel</source>
        <translation>Réclamations par canal</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Complaints by week</source>
        <translation>Réclamations par semaine</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Complaints by root cause</source>
        <translation>Réclamations par cause</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Response time per channel</source>
        <translation>Délai de réponse par canal</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Within target</source>
        <translation>Dans l’objectif</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Within limit</source>
        <translation>Dans la limite</translation>
    </message>
    <message>
        <source>The first response is the acknowledgement of receipt or the first answer, whichever came first. Cases still within their time are not counted yet.</source>
        <translation>La première réponse est l’accusé de réception ou la première réponse, selon ce qui vient en premier. Les dossiers encore dans les délais ne sont pas encore comptés.</translation>
    </message>
    <message>
        <source>Within target (%)</source>
        <translation>Dans l’objectif (%)</translation>
    </message>
    <message>
        <source>Within limit (%)</source>
        <translation>Dans la limite (%)</translation>
    </message>
    <message>
        <source>First-contact resolution</source>
        <translation>Résolution au premier contact</translation>
    </message>
    <message>
        <source>A complaint is resolved at first contact when at most one answer went to the customer before its resolution (the acknowledgement of receipt not counted).</source>
        <translation>Une réclamation est résolue au premier contact quand au plus une réponse est partie vers le client avant sa résolution (l’accusé de réception n’est pas compté).</translation>
    </message>
    <message>
        <source>Gestures</source>
        <translation>Gestes</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>No case</source>
        <translation>Sans dossier</translation>
    </message>
    <message>
        <source>Gestures by complaint category</source>
        <translation>Gestes par catégorie de réclamation</translation>
    </message>
    <message>
        <source>Gestures by kind</source>
        <translation>Gestes par type</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Geste</translation>
    </message>
    <message>
        <source>Gestures by reason</source>
        <translation>Gestes par motif</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Customer satisfaction (team)</source>
        <translation>Satisfaction client (équipe)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Rated cases</source>
        <translation>Dossiers notés</translation>
    </message>
    <message>
        <source>Ratings from 1 to 5 recorded in the period, one per case; team figures only.</source>
        <translation>Notes de 1 à 5 enregistrées sur la période, une par dossier ; chiffres d’équipe uniquement.</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Note moyenne</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Avis</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Trimestre dernier</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Watch list…</source>
        <translation>Produits surveillés…</translation>
    </message>
    <message>
        <source>Products customers rate poorly, with their complaints and gestures</source>
        <translation>Les produits mal notés par les clients, avec leurs réclamations et gestes</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a last day after the first.</source>
        <translation>La période finit avant de commencer : choisissez un dernier jour après le premier.</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Calcul du rapport…</translation>
    </message>
    <message>
        <source>The report could not be computed from the local cache. Nothing was changed; try again.</source>
        <translation>Le rapport n’a pas pu être calculé depuis le cache local. Rien n’a été modifié ; réessayez.</translation>
    </message>
    <message>
        <source>Team %1 · %2</source>
        <translation>Équipe %1 · %2</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Exporter le rapport en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be written (%1). Choose another folder; the report is still here.</source>
        <translation>Le fichier n’a pas pu être écrit (%1). Choisissez un autre dossier ; le rapport est toujours là.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Complaints and satisfaction report</source>
        <translation>Rapport réclamations et satisfaction</translation>
    </message>
    <message>
        <source>Advisor Desk · team %1 · %2</source>
        <translation>Advisor Desk · équipe %1 · %2</translation>
    </message>
    <message>
        <source>Products under watch</source>
        <translation>Produits sous surveillance</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Resolve the case</source>
        <translation>Résoudre le dossier</translation>
    </message>
    <message>
        <source>Why did this happen? The cause helps the team and the product managers fix it for everyone.</source>
        <translation>Pourquoi est-ce arrivé ? La cause aide l’équipe et les chefs de produit à corriger le problème pour tous.</translation>
    </message>
    <message>
        <source>Choose a root cause…</source>
        <translation>Choisissez une cause…</translation>
    </message>
    <message>
        <source>No particular product</source>
        <translation>Aucun produit en particulier</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Product concerned</source>
        <translation>Produit concerné</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Résoudre</translation>
    </message>
    <message>
        <source>Choose the root cause of the complaint first.</source>
        <translation>Choisissez d’abord la cause de la réclamation.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordé</translation>
    </message>
    <message>
        <source>Refused by the centre</source>
        <translation>Refusé par le central</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Repeat customer</source>
        <translation>Client déjà dédommagé</translation>
    </message>
    <message>
        <source>Near the limit</source>
        <translation>Proche de la limite</translation>
    </message>
    <message>
        <source>High spender</source>
        <translation>Dépenses élevées</translation>
    </message>
    <message>
        <source>Made offline</source>
        <translation>Fait hors ligne</translation>
    </message>
    <message>
        <source>This customer received %1 gestures within %2 days.</source>
        <translation>Ce client a reçu %1 gestes en moins de %2 jours.</translation>
    </message>
    <message>
        <source>%1 is %2 % of the %3 allowed per decision.</source>
        <translation>%1 représente %2 % des %3 autorisés par décision.</translation>
    </message>
    <message>
        <source>%1 spent %2 over the period, %3 % of the team&apos;s median (%4).</source>
        <translation>%1 a accordé %2 sur la période, %3 % de la médiane de l&apos;équipe (%4).</translation>
    </message>
    <message>
        <source>The centre refused this grant: %1</source>
        <translation>Le central a refusé ce geste : %1</translation>
    </message>
    <message>
        <source>The centre refused this grant.</source>
        <translation>Le central a refusé ce geste.</translation>
    </message>
    <message>
        <source>Decided while the workstation was offline.</source>
        <translation>Décidé alors que le poste était hors ligne.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was altered.</source>
        <translation>L&apos;entrée %1 du journal a été modifiée.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was deleted.</source>
        <translation>L&apos;entrée %1 du journal a été supprimée.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was inserted.</source>
        <translation>L&apos;entrée %1 du journal a été ajoutée après coup.</translation>
    </message>
    <message>
        <source>Entry %1 of the log was moved.</source>
        <translation>L&apos;entrée %1 du journal a été déplacée.</translation>
    </message>
    <message>
        <source>The log was rewritten from entry %1 (the centre&apos;s copy differs).</source>
        <translation>Le journal a été réécrit à partir de l&apos;entrée %1 (la copie du central diffère).</translation>
    </message>
    <message>
        <source>Entries from %1 on were removed from the log.</source>
        <translation>Les entrées à partir de la %1 ont été retirées du journal.</translation>
    </message>
    <message>
        <source>The decision log is empty on this workstation.</source>
        <translation>Le journal des décisions est vide sur ce poste.</translation>
    </message>
    <message>
        <source>Log verified up to entry %1.</source>
        <translation>Journal vérifié jusqu&apos;à l&apos;entrée %1.</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Team decisions</source>
        <translation>Décisions de l&apos;équipe</translation>
    </message>
    <message>
        <source>This workstation&apos;s log</source>
        <translation>Journal de ce poste</translation>
    </message>
    <message>
        <source>Review comment (optional)</source>
        <translation>Commentaire de revue (facultatif)</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Commentaire de revue</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marquer comme revu</translation>
    </message>
    <message>
        <source>Mark the selected decisions reviewed (Ctrl+M)</source>
        <translation>Marquer les décisions sélectionnées comme revues (Ctrl+M)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Write the decisions shown to a CSV file (Ctrl+E)</source>
        <translation>Enregistrer les décisions affichées dans un fichier CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>All advisors</source>
        <translation>Tous les conseillers</translation>
    </message>
    <message>
        <source>All gestures</source>
        <translation>Tous les gestes</translation>
    </message>
    <message>
        <source>All reasons</source>
        <translation>Tous les motifs</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Reviewed or not</source>
        <translation>Revu ou non</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Non revu</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Revu</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation>Montant minimum</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>Montant maximum</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Gesture</source>
        <translation>Geste</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Every decision taken on this workstation, as chained in its log (read-only).</source>
        <translation>Toutes les décisions prises sur ce poste, telles qu&apos;enchaînées dans son journal (lecture seule).</translation>
    </message>
    <message>
        <source>Loading the team&apos;s decisions…</source>
        <translation>Chargement des décisions de l&apos;équipe…</translation>
    </message>
    <message>
        <source>no connection to the centre</source>
        <translation>pas de connexion au central</translation>
    </message>
    <message>
        <source>The centre could not be asked (%1): showing this workstation&apos;s copy.</source>
        <translation>Le central n&apos;a pas pu être interrogé (%1) : affichage de la copie de ce poste.</translation>
    </message>
    <message>
        <source>Decisions of the centre, and %1 held here not yet at the centre.</source>
        <translation>Décisions du central, et %1 présentes ici pas encore transmises au central.</translation>
    </message>
    <message>
        <source>The decisions could not be loaded: %1</source>
        <translation>Les décisions n&apos;ont pas pu être chargées : %1</translation>
    </message>
    <message>
        <source>%1 decisions shown</source>
        <translation>%1 décisions affichées</translation>
    </message>
    <message>
        <source>spent %1</source>
        <translation>accordé %1</translation>
    </message>
    <message>
        <source>%1 flagged</source>
        <translation>%1 avec alerte</translation>
    </message>
    <message>
        <source>%1 not reviewed</source>
        <translation>%1 non revues</translation>
    </message>
    <message>
        <source>Mark reviewed (%1)</source>
        <translation>Marquer comme revu (%1)</translation>
    </message>
    <message>
        <source>%1 marked reviewed; sent at the next sync.</source>
        <translation>%1 marquées comme revues ; envoi à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The review mark was not saved: %1</source>
        <translation>La revue n&apos;a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>Export the decisions shown</source>
        <translation>Exporter les décisions affichées</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 decisions written to %2</source>
        <translation>%1 décisions enregistrées dans %2</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Le fichier n&apos;a pas pu être écrit : %1</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <source>Customer satisfaction</source>
        <translation>Satisfaction client</translation>
    </message>
    <message>
        <source>The score the customer gave for how this case was handled, from 1 to 5:</source>
        <translation>La note donnée par le client au traitement de ce dossier, de 1 à 5 :</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Choose the score the customer gave.</source>
        <translation>Choisissez la note donnée par le client.</translation>
    </message>
</context>
<context>
    <name>SayYesPage</name>
    <message>
        <source>Say yes</source>
        <translation>Dire oui</translation>
    </message>
    <message>
        <source>Order line to refund</source>
        <translation>Ligne de commande à rembourser</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reason category</source>
        <translation>Catégorie du motif</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Choisissez un motif…</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>Ce qui s&apos;est passé, en quelques mots</translation>
    </message>
    <message>
        <source>Reason, in a few words</source>
        <translation>Motif, en quelques mots</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
</context>
<context>
    <name>ScheduleFollowUpDialog</name>
    <message>
        <source>Schedule a follow-up call</source>
        <extracomment>How far in the past a chosen time may be (the minute being typed) before it is refused.</extracomment>
        <translation>Planifier un appel de suivi</translation>
    </message>
    <message>
        <source>Call the customer back to check that the solution really suits them.</source>
        <translation>Rappeler le client pour vérifier que la solution lui convient vraiment.</translation>
    </message>
    <message>
        <source>What to check (optional)</source>
        <translation>Ce qu’il faut vérifier (facultatif)</translation>
    </message>
    <message>
        <source>Call on</source>
        <translation>Appeler le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>This time has passed: choose a time from now on.</source>
        <translation>Cette heure est passée : choisissez une heure à venir.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search a customer: name, e-mail, phone, card, order… (Ctrl+K)</source>
        <translation>Rechercher un client : nom, e-mail, téléphone, carte, commande… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Customer search</source>
        <translation>Recherche de client</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>The local search failed.</source>
        <translation>La recherche locale a échoué.</translation>
    </message>
    <message>
        <source>The central system could not be searched; showing local results.</source>
        <translation>Le système central n&apos;a pas pu être interrogé ; résultats locaux affichés.</translation>
    </message>
    <message>
        <source>No customer found in the local cache.</source>
        <translation>Aucun client trouvé dans le cache local.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>from the central system</source>
        <translation>depuis le système central</translation>
    </message>
</context>
<context>
    <name>SeePage</name>
    <message>
        <source>Last interactions</source>
        <translation>Derniers échanges</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Dossiers ouverts</translation>
    </message>
    <message>
        <source>No open case.</source>
        <translation>Aucun dossier ouvert.</translation>
    </message>
    <message>
        <source>What I can grant</source>
        <translation>Ce que je peux accorder</translation>
    </message>
    <message>
        <source>Say yes (Enter)</source>
        <translation>Dire oui (Entrée)</translation>
    </message>
    <message>
        <source>Another customer</source>
        <translation>Un autre client</translation>
    </message>
</context>
<context>
    <name>SpendCharts</name>
    <message>
        <source>Spend per day</source>
        <translation>Montants par jour</translation>
    </message>
    <message>
        <source>Spend per gesture</source>
        <translation>Montants par geste</translation>
    </message>
    <message>
        <source>Spend per advisor</source>
        <translation>Montants par conseiller</translation>
    </message>
    <message>
        <source>No spend in this period</source>
        <translation>Aucun geste sur cette période</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change the case status</source>
        <translation>Changer le statut du dossier</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>Statut actuel</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Nouveau statut</translation>
    </message>
    <message>
        <source>(not known yet)</source>
        <translation>(pas encore connue)</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Cause</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>from the centre</source>
        <extracomment>Row height of the counter lists: a finger, not a mouse pointer.</extracomment>
        <translation>depuis le centre</translation>
    </message>
</context>
<context>
    <name>StoreWindow</name>
    <message>
        <source>Advisor Desk — store counter</source>
        <extracomment>A gesture was granted at the counter. The step now shown (0 find, 1 see, 2 say yes, 3 done).</extracomment>
        <translation>Advisor Desk — comptoir magasin</translation>
    </message>
    <message>
        <source>← Back (Esc)</source>
        <translation>← Retour (Échap)</translation>
    </message>
    <message>
        <source>Offline: gestures are granted within what remained at the last sync and confirmed by the centre later.</source>
        <translation>Hors ligne : les gestes sont accordés dans la limite de ce qui restait à la dernière synchronisation et confirmés plus tard par le centre.</translation>
    </message>
    <message>
        <source>1 Find</source>
        <translation>1 Trouver</translation>
    </message>
    <message>
        <source>2 See</source>
        <translation>2 Voir</translation>
    </message>
    <message>
        <source>3 Say yes</source>
        <translation>3 Dire oui</translation>
    </message>
    <message>
        <source>Scan a card or type something to search for.</source>
        <translation>Scannez une carte ou saisissez ce qu&apos;il faut chercher.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Not on this desk; asking the centre…</source>
        <translation>Absent de ce poste ; interrogation du centre…</translation>
    </message>
    <message>
        <source>No customer found. Check the number, or ask for the phone number or the e-mail.</source>
        <translation>Aucun client trouvé. Vérifiez le numéro, ou demandez le téléphone ou l&apos;e-mail.</translation>
    </message>
    <message>
        <source>No customer found on this desk, and the centre cannot be reached (offline).</source>
        <translation>Aucun client trouvé sur ce poste, et le centre est injoignable (hors ligne).</translation>
    </message>
    <message>
        <source>The search failed. Try again.</source>
        <translation>La recherche a échoué. Réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found: pick one.</source>
        <translation>
            <numerusform>%n client trouvé : choisissez-le.</numerusform>
            <numerusform>%n clients trouvés : choisissez-en un.</numerusform>
        </translation>
    </message>
    <message>
        <source>This customer is not on this desk and cannot be fetched now.</source>
        <translation>Ce client n&apos;est pas sur ce poste et ne peut pas être récupéré maintenant.</translation>
    </message>
    <message>
        <source>Fetching the customer from the centre…</source>
        <translation>Récupération du client auprès du centre…</translation>
    </message>
    <message>
        <source>This customer is not on this desk.</source>
        <translation>Ce client n&apos;est pas sur ce poste.</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>carte %1</translation>
    </message>
    <message>
        <source>Your authority has not been received from the centre yet: connect once before granting.</source>
        <translation>Votre délégation n&apos;a pas encore été reçue du centre : connectez-vous une fois avant d&apos;accorder.</translation>
    </message>
    <message>
        <source>Left today: %1</source>
        <translation>Reste aujourd&apos;hui : %1</translation>
    </message>
    <message>
        <source>Left for this customer (30 days): %1</source>
        <translation>Reste pour ce client (30 jours) : %1</translation>
    </message>
    <message>
        <source>Confirmed by the centre.</source>
        <translation>Confirmé par le centre.</translation>
    </message>
    <message>
        <source>%1 — not valid</source>
        <translation>%1 — non valable</translation>
    </message>
    <message>
        <source>Refused by the centre: %1</source>
        <translation>Refusé par le centre : %1</translation>
    </message>
    <message>
        <source>Suggested for this case</source>
        <translation>Suggéré pour ce dossier</translation>
    </message>
    <message>
        <source>Amount %1</source>
        <translation>Montant %1</translation>
    </message>
    <message>
        <source>Beyond what I can grant now</source>
        <translation>Au-delà de ce que je peux accorder maintenant</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>De %1 à %2</translation>
    </message>
    <message>
        <source>Nothing left to grant now for this gesture.</source>
        <translation>Plus rien à accorder pour ce geste pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Pick a gesture.</source>
        <translation>Choisissez un geste.</translation>
    </message>
    <message>
        <source>Choose the order line to refund.</source>
        <translation>Choisissez la ligne de commande à rembourser.</translation>
    </message>
    <message>
        <source>Pick or type an amount.</source>
        <translation>Choisissez ou saisissez un montant.</translation>
    </message>
    <message>
        <source>Give a reason: a category and a few words.</source>
        <translation>Donnez un motif : une catégorie et quelques mots.</translation>
    </message>
    <message>
        <source>Confirm: %1 (Enter)</source>
        <translation>Confirmer : %1 (Entrée)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Saying yes…</source>
        <translation>Enregistrement du oui…</translation>
    </message>
    <message>
        <source>Granted: %1 %2</source>
        <translation>Accordé : %1 %2</translation>
    </message>
    <message>
        <source>The gesture was not saved: %1</source>
        <translation>Le geste n&apos;a pas été enregistré : %1</translation>
    </message>
    <message>
        <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
        <translation>Le geste n&apos;a pas été enregistré à cause d&apos;une erreur inattendue. Rien n&apos;a été accordé.</translation>
    </message>
    <message>
        <source>The receipt could not be saved: %1</source>
        <translation>Le reçu n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Receipt saved: %1</source>
        <translation>Reçu enregistré : %1</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Enregistrer le reçu en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt sent to the printer.</source>
        <translation>Reçu envoyé à l&apos;imprimante.</translation>
    </message>
</context>
<context>
    <name>SyncDetails</name>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Waiting actions</source>
        <translation>Actions en attente</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>Aucune erreur.</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Synchroniser (F5)</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Sync details and Sync now (F5)</source>
        <translation>Détails de la synchronisation et Synchroniser (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting</source>
        <translation>
            <numerusform>%n action en attente</numerusform>
            <numerusform>%n actions en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>synchronisé %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>pas encore synchronisé</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline — working from the local cache</source>
        <translation>Hors ligne — travail sur le cache local</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>Needs login</source>
        <translation>Connexion requise</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n min</numerusform>
            <numerusform>il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n h</numerusform>
            <numerusform>il y a %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n j</numerusform>
            <numerusform>%n j</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>reste %1</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>retard %1</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>il y a %n s</numerusform>
            <numerusform>il y a %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Goodwill gesture: %1 %2</source>
        <translation>Geste commercial : %1 %2</translation>
    </message>
    <message>
        <source>Escalation to the team lead: %1 %2</source>
        <translation>Demande au responsable : %1 %2</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>enquête</translation>
    </message>
    <message>
        <source>entered by the advisor</source>
        <translation>saisie par le conseiller</translation>
    </message>
    <message>
        <source>Customer satisfaction: %1/5</source>
        <translation>Satisfaction client : %1/5</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>Not linked to a case</source>
        <translation>Hors dossier</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n échange</numerusform>
            <numerusform>%n échanges</numerusform>
        </translation>
    </message>
    <message>
        <source>opened %1</source>
        <translation>ouvert %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Timeline</source>
        <extracomment>Case headers shown at first (all open cases are, however many), then this many more per fetch. Made once: combining Qt flags in Python at each call costs more than the rest of flags(). How many interactions (not gestures, escalations, ratings) the group holds, when known. Product watch flags of the cases&apos; products (watched ones only), by product id. Where each row id sits, (group, row): worked out with the snapshot, off the GUI thread. Called with ids to load; the widget runs the query and calls add_interactions.</extracomment>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Not linked to a case</source>
        <translation>Hors dossier</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Ouvert le %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <source>Channels</source>
        <extracomment>How long after a timeline is shown its product-watch flags are read (the first paint comes first). A customer&apos;s timeline was (re)loaded: the current case may have changed state.</extracomment>
        <translation>Canaux</translation>
    </message>
    <message>
        <source>Show only some channels</source>
        <translation>Afficher seulement certains canaux</translation>
    </message>
    <message>
        <source>Case filter</source>
        <translation>Filtre par dossier</translation>
    </message>
    <message>
        <source>Show one case</source>
        <translation>Afficher un seul dossier</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Tous les dossiers</translation>
    </message>
    <message>
        <source>This case only</source>
        <translation>Ce dossier seulement</translation>
    </message>
    <message>
        <source>Show only the case selected in the work queue</source>
        <translation>Afficher seulement le dossier choisi dans la file de travail</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Customer timeline</source>
        <translation>Historique du client</translation>
    </message>
    <message>
        <source>Read in full</source>
        <translation>Lire en entier</translation>
    </message>
    <message>
        <source>No customer open. Pick a case in the work queue (Ctrl+1) or search a customer (Ctrl+K).</source>
        <translation>Aucun client ouvert. Choisissez un dossier dans la file de travail (Ctrl+1) ou recherchez un client (Ctrl+K).</translation>
    </message>
    <message>
        <source>Loading the timeline…</source>
        <translation>Chargement de l&apos;historique…</translation>
    </message>
    <message>
        <source>No interaction matches these filters.</source>
        <translation>Aucun échange ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>This customer has no interaction yet.</source>
        <translation>Ce client n&apos;a encore aucun échange.</translation>
    </message>
    <message>
        <source>The timeline could not be read from the local cache.</source>
        <translation>L&apos;historique n&apos;a pas pu être lu dans le cache local.</translation>
    </message>
    <message numerus="yes">
        <source>New activity on this case since you opened it: %n new interaction(s).</source>
        <translation>
            <numerusform>Nouvelle activité sur ce dossier depuis son ouverture : %n nouvel échange.</numerusform>
            <numerusform>Nouvelle activité sur ce dossier depuis son ouverture : %n nouveaux échanges.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Watch</name>
    <message>
        <source>1 complaint</source>
        <translation>1 réclamation</translation>
    </message>
    <message>
        <source>%1 complaints</source>
        <translation>%1 réclamations</translation>
    </message>
    <message>
        <source>Under review · %1/5 · %2</source>
        <translation>Sous surveillance · %1/5 · %2</translation>
    </message>
    <message>
        <source>Customers rate this product %1/5 on average (%2 ratings over the watch period); its product manager is reviewing it. Complaints about it: %3.</source>
        <translation>Les clients notent ce produit %1/5 en moyenne (%2 avis sur la période de surveillance) ; son chef de produit l’examine. Réclamations à son sujet : %3.</translation>
    </message>
    <message>
        <source>No monthly ratings in the local cache</source>
        <translation>Aucune note mensuelle dans le cache local</translation>
    </message>
    <message>
        <source>Watch threshold</source>
        <translation>Seuil de surveillance</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Note moyenne</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Réclamations</translation>
    </message>
    <message>
        <source>Complaints by root cause</source>
        <translation>Réclamations par cause</translation>
    </message>
    <message>
        <source>Gestures</source>
        <translation>Gestes</translation>
    </message>
    <message>
        <source>Gestures cost</source>
        <translation>Coût des gestes</translation>
    </message>
    <message>
        <source>Product manager</source>
        <translation>Chef de produit</translation>
    </message>
    <message>
        <source>Not resolved yet</source>
        <translation>Pas encore résolue</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>Qualité du produit</translation>
    </message>
    <message>
        <source>Product design</source>
        <translation>Conception du produit</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transporteur</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Entrepôt</translation>
    </message>
    <message>
        <source>Wrong or missing information</source>
        <translation>Information erronée ou manquante</translation>
    </message>
    <message>
        <source>Billing system</source>
        <translation>Système de facturation</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Website or app</source>
        <translation>Site ou application</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Customer misunderstanding</source>
        <translation>Malentendu du client</translation>
    </message>
    <message>
        <source>Other cause</source>
        <translation>Autre cause</translation>
    </message>
    <message>
        <source>Reached, satisfied</source>
        <translation>Joint, satisfait</translation>
    </message>
    <message>
        <source>Reached, not satisfied</source>
        <translation>Joint, pas satisfait</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Pas joint</translation>
    </message>
    <message>
        <source>%1/5</source>
        <translation>%1/5</translation>
    </message>
    <message>
        <source>1 – very dissatisfied</source>
        <translation>1 – très insatisfait</translation>
    </message>
    <message>
        <source>2 – dissatisfied</source>
        <translation>2 – insatisfait</translation>
    </message>
    <message>
        <source>3 – neither</source>
        <translation>3 – ni l’un ni l’autre</translation>
    </message>
    <message>
        <source>4 – satisfied</source>
        <translation>4 – satisfait</translation>
    </message>
    <message>
        <source>5 – very satisfied</source>
        <translation>5 – très satisfait</translation>
    </message>
</context>
<context>
    <name>WatchListView</name>
    <message>
        <source>Products under watch</source>
        <translation>Produits sous surveillance</translation>
    </message>
    <message>
        <source>Loading the watch list…</source>
        <translation>Chargement des produits surveillés…</translation>
    </message>
    <message>
        <source>The watch list could not be read from the local cache. Nothing was changed; try again.</source>
        <translation>La liste des produits surveillés n’a pas pu être lue depuis le cache local. Rien n’a été modifié ; réessayez.</translation>
    </message>
    <message>
        <source>Products rated %1/5 or less on average over the last %2 days, with at least %3 ratings.</source>
        <translation>Produits notés %1/5 ou moins en moyenne sur les %2 derniers jours, avec au moins %3 avis.</translation>
    </message>
    <message>
        <source>(The central setting could not be used; the default rule applies.)</source>
        <translation>(Le réglage central est inutilisable ; la règle par défaut s’applique.)</translation>
    </message>
    <message>
        <source>No product is under watch: none is rated at or below the threshold.</source>
        <translation>Aucun produit sous surveillance : aucun n’est noté au seuil ou en dessous.</translation>
    </message>
    <message>
        <source>Rating per month</source>
        <translation>Note par mois</translation>
    </message>
    <message>
        <source>Rating per month: %1</source>
        <translation>Note par mois : %1</translation>
    </message>
</context>
</TS>
