<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
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
    <name>Reports</name>
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
    <message>
      <source>Nothing in this period.</source>
      <translation>Rien sur cette période.</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>Page %1 sur %2</translation>
    </message>
    <message>
      <source>Nothing in this period</source>
      <translation>Rien sur cette période</translation>
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
    <name>Watch</name>
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