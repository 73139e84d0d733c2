<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
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
      <source>The centre's copy confirms it up to entry %1.</source>
      <translation>La copie du central le confirme jusqu'à l'entrée %1.</translation>
    </message>
    <message>
      <source>The centre's copy could not be compared: local verification only.</source>
      <translation>La copie du central n'a pas pu être comparée : vérification locale seulement.</translation>
    </message>
    <message>
      <source>Verified up to entry %1.</source>
      <translation>Vérifié jusqu'à l'entrée %1.</translation>
    </message>
    <message>
      <source>Entries in the log: %1</source>
      <translation>Entrées du journal : %1</translation>
    </message>
    <message>
      <source>The decision log could not be verified: %1</source>
      <translation>Le journal des décisions n'a pas pu être vérifié : %1</translation>
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
      <translation>Demande d'accord</translation>
    </message>
    <message>
      <source>Approval answer</source>
      <translation>Réponse à la demande d'accord</translation>
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
      <source>%1 spent %2 over the period, %3 % of the team's median (%4).</source>
      <translation>%1 a accordé %2 sur la période, %3 % de la médiane de l'équipe (%4).</translation>
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
      <translation>L'entrée %1 du journal a été modifiée.</translation>
    </message>
    <message>
      <source>Entry %1 of the log was deleted.</source>
      <translation>L'entrée %1 du journal a été supprimée.</translation>
    </message>
    <message>
      <source>Entry %1 of the log was inserted.</source>
      <translation>L'entrée %1 du journal a été ajoutée après coup.</translation>
    </message>
    <message>
      <source>Entry %1 of the log was moved.</source>
      <translation>L'entrée %1 du journal a été déplacée.</translation>
    </message>
    <message>
      <source>The log was rewritten from entry %1 (the centre's copy differs).</source>
      <translation>Le journal a été réécrit à partir de l'entrée %1 (la copie du central diffère).</translation>
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
      <translation>Journal vérifié jusqu'à l'entrée %1.</translation>
    </message>
  </context>
  <context>
    <name>ReviewView</name>
    <message>
      <source>Team decisions</source>
      <translation>Décisions de l'équipe</translation>
    </message>
    <message>
      <source>This workstation's log</source>
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
      <translation>Toutes les décisions prises sur ce poste, telles qu'enchaînées dans son journal (lecture seule).</translation>
    </message>
    <message>
      <source>Loading the team's decisions…</source>
      <translation>Chargement des décisions de l'équipe…</translation>
    </message>
    <message>
      <source>no connection to the centre</source>
      <translation>pas de connexion au central</translation>
    </message>
    <message>
      <source>The centre could not be asked (%1): showing this workstation's copy.</source>
      <translation>Le central n'a pas pu être interrogé (%1) : affichage de la copie de ce poste.</translation>
    </message>
    <message>
      <source>Decisions of the centre, and %1 held here not yet at the centre.</source>
      <translation>Décisions du central, et %1 présentes ici pas encore transmises au central.</translation>
    </message>
    <message>
      <source>The decisions could not be loaded: %1</source>
      <translation>Les décisions n'ont pas pu être chargées : %1</translation>
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
      <translation>La revue n'a pas été enregistrée : %1</translation>
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
      <translation>Le fichier n'a pas pu être écrit : %1</translation>
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
</TS>
