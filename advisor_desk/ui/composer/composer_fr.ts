<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>AcknowledgementDialog</name>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <source>This message is sent to the customer on the case's channel (%1).</source>
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
    <name>Composer</name>
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
        <source>customer's first name</source>
        <translation>prénom du client</translation>
    </message>
    <message>
        <source>customer's last name</source>
        <translation>nom du client</translation>
    </message>
    <message>
        <source>customer's name</source>
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
        <source>Customer's name</source>
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
        <source>The customer's name does not appear (%1).</source>
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
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>Open a case from the work queue or the timeline to prepare its reply.</source>
        <extracomment>The reply was written locally (the Interaction); the timeline shows it through the change bus. Say something in the status bar (a sentence in the user's language).</extracomment>
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
        <source>Language of the reply (the customer's by default)</source>
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
        <source>Acknowledge receipt with the script's text (%1)</source>
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
        <source>&amp;Then:</source>
        <translation>&amp;Puis :</translation>
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
</TS>