<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
  <context>
    <name>MessageNotifier</name>
    <message>
      <source>A new message arrived on the open case ({channel}).</source>
      <translation>A new message arrived on the open case ({channel}).</translation>
    </message>
    <message>
      <source>New message</source>
      <translation>New message</translation>
    </message>
  </context>
</TS>
