<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AcknowledgementDialog</name>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acknowledge receipt</translation>
    </message>
    <message>
        <source>This message is sent to the customer on the case's channel (%1).</source>
        <translation>This message is sent to the customer on the case's channel (%1).</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt</source>
        <translation>Acknowledgement of receipt</translation>
    </message>
    <message>
        <source>Send the acknowledgement (%1)</source>
        <translation>Send the acknowledgement (%1)</translation>
    </message>
    <message>
        <source>Fill in the highlighted values first.</source>
        <translation>Fill in the highlighted values first.</translation>
    </message>
    <message>
        <source>Write something first: an empty message is not sent.</source>
        <translation>Write something first: an empty message is not sent.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>A value to fill in before sending</source>
        <extracomment>Pause in typing after which the draft is saved.</extracomment>
        <translation>A value to fill in before sending</translation>
    </message>
    <message>
        <source>Script options: Up/Down to move, Enter to use one</source>
        <translation>Script options: Up/Down to move, Enter to use one</translation>
    </message>
    <message>
        <source>Pick an option above or write here.</source>
        <translation>Pick an option above or write here.</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>Solve</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Welcome what the customer went through: pick an empathy opening or write your own.</source>
        <translation>Welcome what the customer went through: pick an empathy opening or write your own.</translation>
    </message>
    <message>
        <source>Restate the situation and give the solution. A gesture granted in Say yes comes here.</source>
        <translation>Restate the situation and give the solution. A gesture granted in Say yes comes here.</translation>
    </message>
    <message>
        <source>Commit to a follow-up, then sign.</source>
        <translation>Commit to a follow-up, then sign.</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>greeting</translation>
    </message>
    <message>
        <source>customer's first name</source>
        <translation>customer's first name</translation>
    </message>
    <message>
        <source>customer's last name</source>
        <translation>customer's last name</translation>
    </message>
    <message>
        <source>customer's name</source>
        <translation>customer's name</translation>
    </message>
    <message>
        <source>case subject</source>
        <translation>case subject</translation>
    </message>
    <message>
        <source>case reference</source>
        <translation>case reference</translation>
    </message>
    <message>
        <source>order number</source>
        <translation>order number</translation>
    </message>
    <message>
        <source>order date</source>
        <translation>order date</translation>
    </message>
    <message>
        <source>product name</source>
        <translation>product name</translation>
    </message>
    <message>
        <source>amount of the gesture (grant it in Say yes)</source>
        <translation>amount of the gesture (grant it in Say yes)</translation>
    </message>
    <message>
        <source>gesture (grant it in Say yes)</source>
        <translation>gesture (grant it in Say yes)</translation>
    </message>
    <message>
        <source>loyalty points</source>
        <translation>loyalty points</translation>
    </message>
    <message>
        <source>voucher code</source>
        <translation>voucher code</translation>
    </message>
    <message>
        <source>your first name</source>
        <translation>your first name</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>your name</translation>
    </message>
    <message>
        <source>follow-up date</source>
        <translation>follow-up date</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>your answer</translation>
    </message>
    <message>
        <source>Values filled in</source>
        <translation>Values filled in</translation>
    </message>
    <message>
        <source>No request for a score</source>
        <translation>No request for a score</translation>
    </message>
    <message>
        <source>Length for X</source>
        <translation>Length for X</translation>
    </message>
    <message>
        <source>SMS length</source>
        <translation>SMS length</translation>
    </message>
    <message>
        <source>Detailed enough</source>
        <translation>Detailed enough</translation>
    </message>
    <message>
        <source>Empathy</source>
        <translation>Empathy</translation>
    </message>
    <message>
        <source>Empathy first</source>
        <translation>Empathy first</translation>
    </message>
    <message>
        <source>Customer's name</source>
        <translation>Customer's name</translation>
    </message>
    <message>
        <source>Specifics of the case</source>
        <translation>Specifics of the case</translation>
    </message>
    <message>
        <source>Acknowledgement of receipt</source>
        <translation>Acknowledgement of receipt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Blocks sending</source>
        <translation>Blocks sending</translation>
    </message>
    <message>
        <source>To confirm</source>
        <translation>To confirm</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Every value is filled in.</source>
        <translation>Every value is filled in.</translation>
    </message>
    <message>
        <source>Fill in the highlighted values before sending: %1.</source>
        <translation>Fill in the highlighted values before sending: %1.</translation>
    </message>
    <message>
        <source>The reply does not ask for a given score.</source>
        <translation>The reply does not ask for a given score.</translation>
    </message>
    <message>
        <source>Never ask the customer for a given score or a good rating (%1): it corrupts satisfaction measures.</source>
        <translation>Never ask the customer for a given score or a good rating (%1): it corrupts satisfaction measures.</translation>
    </message>
    <message>
        <source>%1 of %2 characters.</source>
        <translation>%1 of %2 characters.</translation>
    </message>
    <message>
        <source>Too long for X: %1 characters, %2 at most. Shorten it or answer by direct message.</source>
        <translation>Too long for X: %1 characters, %2 at most. Shorten it or answer by direct message.</translation>
    </message>
    <message>
        <source>%1 SMS segment(s), %2 at most.</source>
        <translation>%1 SMS segment(s), %2 at most.</translation>
    </message>
    <message>
        <source>Too long for an SMS: %1 segments, %2 at most. Shorten it, or call or e-mail.</source>
        <translation>Too long for an SMS: %1 segments, %2 at most. Shorten it, or call or e-mail.</translation>
    </message>
    <message>
        <source>%1 words.</source>
        <translation>%1 words.</translation>
    </message>
    <message>
        <source>Rather terse for a written answer: %1 words, at least %2 expected. Say more, or confirm.</source>
        <translation>Rather terse for a written answer: %1 words, at least %2 expected. Say more, or confirm.</translation>
    </message>
    <message>
        <source>The reply welcomes what the customer went through.</source>
        <translation>The reply welcomes what the customer went through.</translation>
    </message>
    <message>
        <source>No empathy part: start by welcoming what the customer went through (step Acknowledge).</source>
        <translation>No empathy part: start by welcoming what the customer went through (step Acknowledge).</translation>
    </message>
    <message>
        <source>Empathy comes before the solution.</source>
        <translation>Empathy comes before the solution.</translation>
    </message>
    <message>
        <source>The empathy does not come first: express it (sorry, I understand…) before the solution.</source>
        <translation>The empathy does not come first: express it (sorry, I understand…) before the solution.</translation>
    </message>
    <message>
        <source>The customer is addressed by name.</source>
        <translation>The customer is addressed by name.</translation>
    </message>
    <message>
        <source>The customer's name does not appear (%1).</source>
        <translation>The customer's name does not appear (%1).</translation>
    </message>
    <message>
        <source>Nothing specific to mention on this case.</source>
        <translation>Nothing specific to mention on this case.</translation>
    </message>
    <message>
        <source>Mentions %1.</source>
        <translation>Mentions %1.</translation>
    </message>
    <message>
        <source>Nothing specific to the case is mentioned, for example %1.</source>
        <translation>Nothing specific to the case is mentioned, for example %1.</translation>
    </message>
    <message>
        <source>Receipt was acknowledged.</source>
        <translation>Receipt was acknowledged.</translation>
    </message>
    <message>
        <source>New complaint: acknowledge receipt now (Ctrl+Shift+A) if the full answer takes time.</source>
        <translation>New complaint: acknowledge receipt now (Ctrl+Shift+A) if the full answer takes time.</translation>
    </message>
    <message>
        <source>%1 / %2 characters (%3 too many)</source>
        <translation>%1 / %2 characters (%3 too many)</translation>
    </message>
    <message>
        <source>%1 / %2 characters (%3 left)</source>
        <translation>%1 / %2 characters (%3 left)</translation>
    </message>
    <message>
        <source>%1 segment(s) · %2 characters left in this one</source>
        <translation>%1 segment(s) · %2 characters left in this one</translation>
    </message>
    <message>
        <source>Unicode because of %1</source>
        <translation>Unicode because of %1</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>Open a case from the work queue or the timeline to prepare its reply.</source>
        <extracomment>The reply was written locally (the Interaction); the timeline shows it through the change bus. Say something in the status bar (a sentence in the user's language).</extracomment>
        <translation>Open a case from the work queue or the timeline to prepare its reply.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Language of the reply</translation>
    </message>
    <message>
        <source>Language of the reply (the customer's by default)</source>
        <translation>Language of the reply (the customer's by default)</translation>
    </message>
    <message>
        <source>New complaint: acknowledge receipt while you prepare the answer.</source>
        <translation>New complaint: acknowledge receipt while you prepare the answer.</translation>
    </message>
    <message>
        <source>Acknowledge receipt</source>
        <translation>Acknowledge receipt</translation>
    </message>
    <message>
        <source>Acknowledge receipt with the script's text (%1)</source>
        <translation>Acknowledge receipt with the script's text (%1)</translation>
    </message>
    <message>
        <source>I have read it, back to my reply</source>
        <translation>I have read it, back to my reply</translation>
    </message>
    <message>
        <source>Send as it is</source>
        <translation>Send as it is</translation>
    </message>
    <message>
        <source>&amp;Follow-up on</source>
        <translation>&amp;Follow-up on</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>Follow-up date</translation>
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
        <translation>Preview of the reply</translation>
    </message>
    <message>
        <source>Checks before sending</source>
        <translation>Checks before sending</translation>
    </message>
    <message>
        <source>Send anyway: I have reviewed the points “to confirm”</source>
        <translation>Send anyway: I have reviewed the points “to confirm”</translation>
    </message>
    <message>
        <source>Case status after sending</source>
        <translation>Case status after sending</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send the reply (%1)</source>
        <translation>Send the reply (%1)</translation>
    </message>
    <message>
        <source>Choose a case of this customer in the timeline to prepare its reply.</source>
        <translation>Choose a case of this customer in the timeline to prepare its reply.</translation>
    </message>
    <message>
        <source>Preparing the reply…</source>
        <translation>Preparing the reply…</translation>
    </message>
    <message>
        <source>The case could not be read from the local cache. Try again in a moment.</source>
        <translation>The case could not be read from the local cache. Try again in a moment.</translation>
    </message>
    <message>
        <source>This case is not in the local cache.</source>
        <translation>This case is not in the local cache.</translation>
    </message>
    <message>
        <source>A saved draft of this case could not be read; starting afresh.</source>
        <translation>A saved draft of this case could not be read; starting afresh.</translation>
    </message>
    <message>
        <source>No reply script could be loaded for this case: reinstall Advisor Desk.</source>
        <translation>No reply script could be loaded for this case: reinstall Advisor Desk.</translation>
    </message>
    <message>
        <source>Script: %1</source>
        <translation>Script: %1</translation>
    </message>
    <message>
        <source>from the centre</source>
        <translation>from the centre</translation>
    </message>
    <message>
        <source>Your draft of this reply was restored.</source>
        <translation>Your draft of this reply was restored.</translation>
    </message>
    <message>
        <source>&amp;Then:</source>
        <translation>&amp;Then:</translation>
    </message>
    <message>
        <source>unchanged (%1)</source>
        <translation>unchanged (%1)</translation>
    </message>
    <message>
        <source>No script in this language for this case.</source>
        <translation>No script in this language for this case.</translation>
    </message>
    <message>
        <source>Gesture granted, in the reply: %1</source>
        <translation>Gesture granted, in the reply: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Write the reply first: pick an empathy opening to start (Alt+1).</source>
        <translation>Write the reply first: pick an empathy opening to start (Alt+1).</translation>
    </message>
    <message>
        <source>Cannot send: %1</source>
        <translation>Cannot send: %1</translation>
    </message>
    <message>
        <source>Confirm the points “to confirm” (tick “Send anyway”) or fix them.</source>
        <translation>Confirm the points “to confirm” (tick “Send anyway”) or fix them.</translation>
    </message>
    <message>
        <source>Your draft could not be saved locally; it stays here, keep this panel open.</source>
        <translation>Your draft could not be saved locally; it stays here, keep this panel open.</translation>
    </message>
    <message>
        <source>The customer wrote again since you started this reply.</source>
        <translation>The customer wrote again since you started this reply.</translation>
    </message>
    <message>
        <source>The customer wrote %1 more messages since you started this reply.</source>
        <translation>The customer wrote %1 more messages since you started this reply.</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>A colleague</translation>
    </message>
    <message>
        <source>%1 answered since you started this reply.</source>
        <translation>%1 answered since you started this reply.</translation>
    </message>
    <message>
        <source>Read the timeline before sending.</source>
        <translation>Read the timeline before sending.</translation>
    </message>
    <message>
        <source>Reply sent: it is on the timeline and goes to the centre with the next sync.</source>
        <translation>Reply sent: it is on the timeline and goes to the centre with the next sync.</translation>
    </message>
    <message>
        <source>Reply sent. Preparing a new reply…</source>
        <translation>Reply sent. Preparing a new reply…</translation>
    </message>
    <message>
        <source>This case is no longer in the local cache. Nothing was sent; your draft is kept.</source>
        <translation>This case is no longer in the local cache. Nothing was sent; your draft is kept.</translation>
    </message>
    <message>
        <source>The case cannot take this status now. Nothing was sent: choose another and send again.</source>
        <translation>The case cannot take this status now. Nothing was sent: choose another and send again.</translation>
    </message>
    <message>
        <source>The local cache refused the reply. Nothing was sent; your draft is kept.</source>
        <translation>The local cache refused the reply. Nothing was sent; your draft is kept.</translation>
    </message>
    <message>
        <source>The reply could not be saved. Nothing was sent; your draft is kept, try again.</source>
        <translation>The reply could not be saved. Nothing was sent; your draft is kept, try again.</translation>
    </message>
    <message>
        <source>There is no receipt to acknowledge on this case.</source>
        <translation>There is no receipt to acknowledge on this case.</translation>
    </message>
    <message>
        <source>Receipt acknowledged: the first-response clock has stopped.</source>
        <translation>Receipt acknowledged: the first-response clock has stopped.</translation>
    </message>
    <message>
        <source>The acknowledgement could not be saved. Nothing was sent.</source>
        <translation>The acknowledgement could not be saved. Nothing was sent.</translation>
    </message>
</context>
</TS>