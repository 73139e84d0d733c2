<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
  <context>
    <name>Compensation</name>
    <message>
      <source>%1 (suggested)</source>
      <translation>%1 (suggéré)</translation>
    </message>
    <message>
      <source>%1: up to %2 now</source>
      <translation>%1 : jusqu'à %2 maintenant</translation>
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
      <translation>Demande d'accord : %1 %2 — %3</translation>
    </message>
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
      <translation>Le bon %1 n'est pas valable.</translation>
    </message>
    <message>
      <source>Your team lead approved %1 for %2.</source>
      <translation>Votre chef d'équipe a accepté %1 pour %2.</translation>
    </message>
    <message>
      <source>Your team lead declined %1 for %2.</source>
      <translation>Votre chef d'équipe a refusé %1 pour %2.</translation>
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
      <extracomment>The reason a case's category suggests (the advisor can change it).</extracomment>
      <translation>Saisissez un montant, par exemple %1.</translation>
    </message>
    <message>
      <source>This is not an amount: type digits, for example %1.</source>
      <translation>Ce n'est pas un montant : saisissez des chiffres, par exemple %1.</translation>
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
      <translation>Votre rôle ne permet pas d'accorder seul ce geste (%1).</translation>
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
      <source>More than the shipping the customer paid: %1 paid, this is %2 over.</source>
      <translation>Plus que les frais de port payés par le client : %1 payés, soit %2 de trop.</translation>
    </message>
    <message>
      <source>More than what is left of the shipping paid: %1 left of %2 paid, this is %3 over.</source>
      <translation>Plus que ce qui reste des frais de port payés : reste %1 sur %2 payés, soit %3 de trop.</translation>
    </message>
    <message>
      <source>There is no shipping paid to refund: the order had free shipping, or it is not known here.</source>
      <translation>Il n'y a pas de frais de port payés à rembourser : la livraison de la commande était offerte, ou la commande n'est pas connue ici.</translation>
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
      <translation>en attente du chef d'équipe</translation>
    </message>
    <message>
      <source>approved by the team lead</source>
      <translation>accepté par le chef d'équipe</translation>
    </message>
    <message>
      <source>declined by the team lead</source>
      <translation>refusé par le chef d'équipe</translation>
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
      <translation>un bon d'achat de %1</translation>
    </message>
    <message>
      <source>free shipping on your next order (worth %1)</source>
      <translation>les frais de port offerts sur votre prochaine commande (d'une valeur de %1)</translation>
    </message>
    <message>
      <source>an express replacement (worth %1)</source>
      <translation>un remplacement express (d'une valeur de %1)</translation>
    </message>
    <message>
      <source>an exchange (worth %1)</source>
      <translation>un échange (d'une valeur de %1)</translation>
    </message>
    <message>
      <source>loyalty points worth %1</source>
      <translation>des points de fidélité d'une valeur de %1</translation>
    </message>
    <message>
      <source>a small gift (worth %1)</source>
      <translation>un petit cadeau (d'une valeur de %1)</translation>
    </message>
    <message>
      <source>, code %1</source>
      <translation>, code %1</translation>
    </message>
    <message>
      <source> (pending confirmation)</source>
      <translation> (en attente de confirmation)</translation>
    </message>
  </context>
  <context>
    <name>CompensationPanel</name>
    <message>
      <source>Open a customer or a case to see what you can grant them (Ctrl+G).</source>
      <extracomment>The most a reason's short text holds: a sentence or two, the details go in a note. Preset buttons that fit on one line of the side panel. A gesture was granted (a :class:`Decision`, pending until the centre confirms it). The sentence the advisor asked to insert into the reply ("a voucher of 15,00 €, code …"). An approval request was sent to the team lead (an :class:`Escalation`).</extracomment>
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
      <translation>Votre délégation n'a pas encore été reçue du centre : connectez-vous une fois (F5) avant d'accorder des gestes.</translation>
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
      <translation>Ce qui s'est passé, en quelques mots (obligatoire)</translation>
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
      <translation>Demander l'accord du chef d'équipe</translation>
    </message>
    <message>
      <source>Beyond your authority: ask your team lead; the answer comes back here through sync.</source>
      <translation>Hors de votre pouvoir : demandez à votre chef d'équipe ; la réponse revient ici par la synchronisation.</translation>
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
      <translation>Ce client n'est pas encore sur ce poste ; il est en cours de récupération.</translation>
    </message>
    <message>
      <source>What you can grant could not be read from the local cache. Try again (F5).</source>
      <translation>Ce que vous pouvez accorder n'a pas pu être lu dans le cache local. Réessayez (F5).</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Aujourd'hui</translation>
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
      <translation>Plus rien à accorder pour ce geste pour l'instant.</translation>
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
      <translation>Donnez d'abord un motif : une catégorie et quelques mots.</translation>
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
      <translation>Votre délégation n'a pas encore été reçue du centre : connectez-vous une fois (F5).</translation>
    </message>
    <message>
      <source>The gesture was not saved: %1</source>
      <translation>Le geste n'a pas été enregistré : %1</translation>
    </message>
    <message>
      <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
      <translation>Le geste n'a pas été enregistré à cause d'une erreur inattendue. Rien n'a été accordé.</translation>
    </message>
    <message>
      <source>Approval requested from your team lead for %1. Their answer will appear here.</source>
      <translation>Accord demandé à votre chef d'équipe pour %1. Sa réponse s'affichera ici.</translation>
    </message>
    <message>
      <source>unexpected error</source>
      <translation>erreur inattendue</translation>
    </message>
    <message>
      <source>The request was not sent: %1</source>
      <translation>La demande n'a pas été envoyée : %1</translation>
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
    <name>FindPage</name>
    <message>
      <source>Find the customer</source>
      <extracomment>Touch targets: at least 48 px high (WCAG 2.5.5 asks 44 CSS px), and large type for a counter. How many interactions the See step shows: the last few, the whole story is on the desk. Matches that are a person's identifier: one such hit opens the customer at once.</extracomment>
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
        <numerusform>%n demande d'accord traitée</numerusform>
        <numerusform>%n demandes d'accord traitées</numerusform>
      </translation>
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
      <translation>Ce qui s'est passé, en quelques mots</translation>
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
      <translation>Scannez une carte ou saisissez ce qu'il faut chercher.</translation>
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
      <translation>Aucun client trouvé. Vérifiez le numéro, ou demandez le téléphone ou l'e-mail.</translation>
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
      <translation>Ce client n'est pas sur ce poste et ne peut pas être récupéré maintenant.</translation>
    </message>
    <message>
      <source>Fetching the customer from the centre…</source>
      <translation>Récupération du client auprès du centre…</translation>
    </message>
    <message>
      <source>This customer is not on this desk.</source>
      <translation>Ce client n'est pas sur ce poste.</translation>
    </message>
    <message>
      <source>card %1</source>
      <translation>carte %1</translation>
    </message>
    <message>
      <source>Your authority has not been received from the centre yet: connect once before granting.</source>
      <translation>Votre délégation n'a pas encore été reçue du centre : connectez-vous une fois avant d'accorder.</translation>
    </message>
    <message>
      <source>Left today: %1</source>
      <translation>Reste aujourd'hui : %1</translation>
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
      <translation>Plus rien à accorder pour ce geste pour l'instant.</translation>
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
      <translation>Le geste n'a pas été enregistré : %1</translation>
    </message>
    <message>
      <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
      <translation>Le geste n'a pas été enregistré à cause d'une erreur inattendue. Rien n'a été accordé.</translation>
    </message>
    <message>
      <source>The receipt could not be saved: %1</source>
      <translation>Le reçu n'a pas pu être enregistré : %1</translation>
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
      <translation>Reçu envoyé à l'imprimante.</translation>
    </message>
  </context>
</TS>