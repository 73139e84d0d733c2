<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
  <context>
    <name>MessageNotifier</name>
    <message>
      <source>A new message arrived on the open case ({channel}).</source>
      <translation>Un nouveau message est arrivé sur le dossier ouvert ({channel}).</translation>
    </message>
    <message>
      <source>New message</source>
      <translation>Nouveau message</translation>
    </message>
  </context>
</TS>
