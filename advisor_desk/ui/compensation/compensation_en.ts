<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
  <context>
    <name>Compensation</name>
    <message>
      <source>%1 (suggested)</source>
      <translation>%1 (suggested)</translation>
    </message>
    <message>
      <source>%1: up to %2 now</source>
      <translation>%1: up to %2 now</translation>
    </message>
    <message>
      <source>%1 · %2 — %3 left of %4 paid</source>
      <translation>%1 · %2 — %3 left of %4 paid</translation>
    </message>
    <message>
      <source>Already refunded: %1</source>
      <translation>Already refunded: %1</translation>
    </message>
    <message>
      <source>%1 %2 — %3</source>
      <translation>%1 %2 — %3</translation>
    </message>
    <message>
      <source>Approval request: %1 %2 — %3</source>
      <translation>Approval request: %1 %2 — %3</translation>
    </message>
    <message>
      <source>Refused by the centre: %1 for %2.</source>
      <extracomment>How many dismissed notices are remembered (older ones are long answered and never come back).</extracomment>
      <translation>Refused by the centre: %1 for %2.</translation>
    </message>
    <message>
      <source>Reason: %1</source>
      <translation>Reason: %1</translation>
    </message>
    <message>
      <source>Voucher %1 is not valid.</source>
      <translation>Voucher %1 is not valid.</translation>
    </message>
    <message>
      <source>Your team lead approved %1 for %2.</source>
      <translation>Your team lead approved %1 for %2.</translation>
    </message>
    <message>
      <source>Your team lead declined %1 for %2.</source>
      <translation>Your team lead declined %1 for %2.</translation>
    </message>
    <message>
      <source>Comment: %1</source>
      <translation>Comment: %1</translation>
    </message>
    <message>
      <source>Late delivery</source>
      <translation>Late delivery</translation>
    </message>
    <message>
      <source>Damaged or defective item</source>
      <translation>Damaged or defective item</translation>
    </message>
    <message>
      <source>Wrong item delivered</source>
      <translation>Wrong item delivered</translation>
    </message>
    <message>
      <source>Billing error</source>
      <translation>Billing error</translation>
    </message>
    <message>
      <source>Service failure</source>
      <translation>Service failure</translation>
    </message>
    <message>
      <source>Customer loyalty</source>
      <translation>Customer loyalty</translation>
    </message>
    <message>
      <source>Commercial gesture</source>
      <translation>Commercial gesture</translation>
    </message>
    <message>
      <source>Other reason</source>
      <translation>Other reason</translation>
    </message>
    <message>
      <source>Type an amount, for example %1.</source>
      <extracomment>The reason a case's category suggests (the advisor can change it).</extracomment>
      <translation>Type an amount, for example %1.</translation>
    </message>
    <message>
      <source>This is not an amount: type digits, for example %1.</source>
      <translation>This is not an amount: type digits, for example %1.</translation>
    </message>
    <message>
      <source>The amount cannot be negative.</source>
      <translation>The amount cannot be negative.</translation>
    </message>
    <message>
      <source>The amount must be more than zero.</source>
      <translation>The amount must be more than zero.</translation>
    </message>
    <message>
      <source>At most two decimals (cents), for example %1.</source>
      <translation>At most two decimals (cents), for example %1.</translation>
    </message>
    <message>
      <source>This amount is far too large (more than %1): check what you typed.</source>
      <translation>This amount is far too large (more than %1): check what you typed.</translation>
    </message>
    <message>
      <source>Your role cannot grant this gesture (%1) on its own.</source>
      <translation>Your role cannot grant this gesture (%1) on its own.</translation>
    </message>
    <message>
      <source>The amount must be in %1.</source>
      <translation>The amount must be in %1.</translation>
    </message>
    <message>
      <source>Over the limit per decision for %1: at most %2, this is %3 over.</source>
      <translation>Over the limit per decision for %1: at most %2, this is %3 over.</translation>
    </message>
    <message>
      <source>Over your budget for today: %1 left of %2, this is %3 over.</source>
      <translation>Over your budget for today: %1 left of %2, this is %3 over.</translation>
    </message>
    <message>
      <source>Over the limit for this customer over 30 days: %1 left of %2, this is %3 over.</source>
      <translation>Over the limit for this customer over 30 days: %1 left of %2, this is %3 over.</translation>
    </message>
    <message>
      <source>More than the shipping the customer paid: %1 paid, this is %2 over.</source>
      <translation>More than the shipping the customer paid: %1 paid, this is %2 over.</translation>
    </message>
    <message>
      <source>More than what is left of the shipping paid: %1 left of %2 paid, this is %3 over.</source>
      <translation>More than what is left of the shipping paid: %1 left of %2 paid, this is %3 over.</translation>
    </message>
    <message>
      <source>There is no shipping paid to refund: the order had free shipping, or it is not known here.</source>
      <translation>There is no shipping paid to refund: the order had free shipping, or it is not known here.</translation>
    </message>
    <message>
      <source>More than what is left to refund on this line: %1 left of %2 paid, this is %3 over.</source>
      <translation>More than what is left to refund on this line: %1 left of %2 paid, this is %3 over.</translation>
    </message>
    <message>
      <source>Beyond my authority by %1</source>
      <translation>Beyond my authority by %1</translation>
    </message>
    <message>
      <source>Beyond my authority</source>
      <translation>Beyond my authority</translation>
    </message>
    <message>
      <source>pending confirmation by the centre</source>
      <translation>pending confirmation by the centre</translation>
    </message>
    <message>
      <source>confirmed by the centre</source>
      <translation>confirmed by the centre</translation>
    </message>
    <message>
      <source>refused by the centre</source>
      <translation>refused by the centre</translation>
    </message>
    <message>
      <source>revoked</source>
      <translation>revoked</translation>
    </message>
    <message>
      <source>waiting for the team lead</source>
      <translation>waiting for the team lead</translation>
    </message>
    <message>
      <source>approved by the team lead</source>
      <translation>approved by the team lead</translation>
    </message>
    <message>
      <source>declined by the team lead</source>
      <translation>declined by the team lead</translation>
    </message>
    <message>
      <source>a refund of %1</source>
      <translation>a refund of %1</translation>
    </message>
    <message>
      <source>a refund of your shipping costs (%1)</source>
      <translation>a refund of your shipping costs (%1)</translation>
    </message>
    <message>
      <source>a voucher of %1</source>
      <translation>a voucher of %1</translation>
    </message>
    <message>
      <source>free shipping on your next order (worth %1)</source>
      <translation>free shipping on your next order (worth %1)</translation>
    </message>
    <message>
      <source>an express replacement (worth %1)</source>
      <translation>an express replacement (worth %1)</translation>
    </message>
    <message>
      <source>an exchange (worth %1)</source>
      <translation>an exchange (worth %1)</translation>
    </message>
    <message>
      <source>loyalty points worth %1</source>
      <translation>loyalty points worth %1</translation>
    </message>
    <message>
      <source>a small gift (worth %1)</source>
      <translation>a small gift (worth %1)</translation>
    </message>
    <message>
      <source>, code %1</source>
      <translation>, code %1</translation>
    </message>
    <message>
      <source> (pending confirmation)</source>
      <translation> (pending confirmation)</translation>
    </message>
  </context>
  <context>
    <name>CompensationPanel</name>
    <message>
      <source>Open a customer or a case to see what you can grant them (Ctrl+G).</source>
      <extracomment>The most a reason's short text holds: a sentence or two, the details go in a note. Preset buttons that fit on one line of the side panel. A gesture was granted (a :class:`Decision`, pending until the centre confirms it). The sentence the advisor asked to insert into the reply ("a voucher of 15,00 €, code …"). An approval request was sent to the team lead (an :class:`Escalation`).</extracomment>
      <translation>Open a customer or a case to see what you can grant them (Ctrl+G).</translation>
    </message>
    <message>
      <source>Offline: you can still grant within what remained at the last sync. The centre confirms each gesture when the connection is back.</source>
      <translation>Offline: you can still grant within what remained at the last sync. The centre confirms each gesture when the connection is back.</translation>
    </message>
    <message>
      <source>What I can grant now</source>
      <translation>What I can grant now</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Today</translation>
    </message>
    <message>
      <source>This customer (30 days)</source>
      <translation>This customer (30 days)</translation>
    </message>
    <message>
      <source>This gesture, at most</source>
      <translation>This gesture, at most</translation>
    </message>
    <message>
      <source>Your authority has not been received from the centre yet: connect once (F5) before granting gestures.</source>
      <translation>Your authority has not been received from the centre yet: connect once (F5) before granting gestures.</translation>
    </message>
    <message>
      <source>Gesture</source>
      <translation>Gesture</translation>
    </message>
    <message>
      <source>&amp;Gesture</source>
      <translation>&amp;Gesture</translation>
    </message>
    <message>
      <source>Order line to refund</source>
      <translation>Order line to refund</translation>
    </message>
    <message>
      <source>Order &amp;line</source>
      <translation>Order &amp;line</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>&amp;Amount</source>
      <translation>&amp;Amount</translation>
    </message>
    <message>
      <source>Reason category</source>
      <translation>Reason category</translation>
    </message>
    <message>
      <source>Choose a reason…</source>
      <translation>Choose a reason…</translation>
    </message>
    <message>
      <source>What happened, in a few words (required)</source>
      <translation>What happened, in a few words (required)</translation>
    </message>
    <message>
      <source>Reason, in a few words</source>
      <translation>Reason, in a few words</translation>
    </message>
    <message>
      <source>&amp;Reason</source>
      <translation>&amp;Reason</translation>
    </message>
    <message>
      <source>Request approval from team lead</source>
      <translation>Request approval from team lead</translation>
    </message>
    <message>
      <source>Beyond your authority: ask your team lead; the answer comes back here through sync.</source>
      <translation>Beyond your authority: ask your team lead; the answer comes back here through sync.</translation>
    </message>
    <message>
      <source>Insert into the reply</source>
      <translation>Insert into the reply</translation>
    </message>
    <message>
      <source>Gestures and requests for this customer</source>
      <translation>Gestures and requests for this customer</translation>
    </message>
    <message>
      <source>This customer is not on this desk yet; it is being fetched.</source>
      <translation>This customer is not on this desk yet; it is being fetched.</translation>
    </message>
    <message>
      <source>What you can grant could not be read from the local cache. Try again (F5).</source>
      <translation>What you can grant could not be read from the local cache. Try again (F5).</translation>
    </message>
    <message>
      <source>%1 left of %2</source>
      <translation>%1 left of %2</translation>
    </message>
    <message>
      <source>From %1 to %2</source>
      <translation>From %1 to %2</translation>
    </message>
    <message>
      <source>Nothing left to grant now for this gesture.</source>
      <translation>Nothing left to grant now for this gesture.</translation>
    </message>
    <message>
      <source>Amount %1</source>
      <translation>Amount %1</translation>
    </message>
    <message>
      <source>Beyond what I can grant now</source>
      <translation>Beyond what I can grant now</translation>
    </message>
    <message>
      <source>Say yes</source>
      <translation>Say yes</translation>
    </message>
    <message>
      <source>Choose the order line to refund.</source>
      <translation>Choose the order line to refund.</translation>
    </message>
    <message>
      <source>Type an amount or pick one above.</source>
      <translation>Type an amount or pick one above.</translation>
    </message>
    <message>
      <source>Give a reason first: a category and a few words.</source>
      <translation>Give a reason first: a category and a few words.</translation>
    </message>
    <message>
      <source>Give a reason: a category and a few words.</source>
      <translation>Give a reason: a category and a few words.</translation>
    </message>
    <message>
      <source>Say yes: %1 (Enter)</source>
      <translation>Say yes: %1 (Enter)</translation>
    </message>
    <message>
      <source>Grant this gesture now (Enter or Ctrl+Enter)</source>
      <translation>Grant this gesture now (Enter or Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Saying yes…</source>
      <translation>Saying yes…</translation>
    </message>
    <message>
      <source>Granted: %1.</source>
      <translation>Granted: %1.</translation>
    </message>
    <message>
      <source>Pending confirmation by the centre.</source>
      <translation>Pending confirmation by the centre.</translation>
    </message>
    <message>
      <source>Confirmed by the centre.</source>
      <translation>Confirmed by the centre.</translation>
    </message>
    <message>
      <source>Refused by the centre: %1. Do not promise it to the customer.</source>
      <translation>Refused by the centre: %1. Do not promise it to the customer.</translation>
    </message>
    <message>
      <source>Your authority has not been received from the centre yet: connect once (F5).</source>
      <translation>Your authority has not been received from the centre yet: connect once (F5).</translation>
    </message>
    <message>
      <source>The gesture was not saved: %1</source>
      <translation>The gesture was not saved: %1</translation>
    </message>
    <message>
      <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
      <translation>The gesture was not saved because of an unexpected error. Nothing was granted.</translation>
    </message>
    <message>
      <source>Approval requested from your team lead for %1. Their answer will appear here.</source>
      <translation>Approval requested from your team lead for %1. Their answer will appear here.</translation>
    </message>
    <message>
      <source>unexpected error</source>
      <translation>unexpected error</translation>
    </message>
    <message>
      <source>The request was not sent: %1</source>
      <translation>The request was not sent: %1</translation>
    </message>
  </context>
  <context>
    <name>DonePage</name>
    <message>
      <source>Voucher code</source>
      <translation>Voucher code</translation>
    </message>
    <message>
      <source>Pending confirmation by the centre.</source>
      <translation>Pending confirmation by the centre.</translation>
    </message>
    <message>
      <source>Print the receipt</source>
      <translation>Print the receipt</translation>
    </message>
    <message>
      <source>Save the receipt as PDF</source>
      <translation>Save the receipt as PDF</translation>
    </message>
    <message>
      <source>Next customer</source>
      <translation>Next customer</translation>
    </message>
  </context>
  <context>
    <name>FindPage</name>
    <message>
      <source>Find the customer</source>
      <extracomment>Touch targets: at least 48 px high (WCAG 2.5.5 asks 44 CSS px), and large type for a counter. How many interactions the See step shows: the last few, the whole story is on the desk. Matches that are a person's identifier: one such hit opens the customer at once.</extracomment>
      <translation>Find the customer</translation>
    </message>
    <message>
      <source>Scan the loyalty card, or type a phone number, an e-mail or an order number, then Enter.</source>
      <translation>Scan the loyalty card, or type a phone number, an e-mail or an order number, then Enter.</translation>
    </message>
    <message>
      <source>Loyalty card, phone, e-mail or order number</source>
      <translation>Loyalty card, phone, e-mail or order number</translation>
    </message>
    <message>
      <source>Customers found</source>
      <translation>Customers found</translation>
    </message>
  </context>
  <context>
    <name>NoticeBanner</name>
    <message>
      <source>Seen, dismiss</source>
      <extracomment>A notice that was not on the board before (for a status-bar message or an alert).</extracomment>
      <translation>Seen, dismiss</translation>
    </message>
    <message numerus="yes">
      <source>%n gesture(s) refused by the centre</source>
      <translation>
        <numerusform>%n gesture refused by the centre</numerusform>
        <numerusform>%n gestures refused by the centre</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n approval request(s) answered</source>
      <translation>
        <numerusform>%n approval request answered</numerusform>
        <numerusform>%n approval requests answered</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Receipt</name>
    <message>
      <source>Store</source>
      <translation>Store</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Customer</translation>
    </message>
    <message>
      <source>Goodwill gesture</source>
      <translation>Goodwill gesture</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Granted by</source>
      <translation>Granted by</translation>
    </message>
    <message>
      <source>Goodwill gesture receipt</source>
      <translation>Goodwill gesture receipt</translation>
    </message>
    <message>
      <source>Voucher code</source>
      <translation>Voucher code</translation>
    </message>
    <message>
      <source>Pending confirmation by the centre: this gesture was granted while the store was offline.</source>
      <translation>Pending confirmation by the centre: this gesture was granted while the store was offline.</translation>
    </message>
    <message>
      <source>Thank you for your visit.</source>
      <translation>Thank you for your visit.</translation>
    </message>
    <message>
      <source>Receipt %1</source>
      <translation>Receipt %1</translation>
    </message>
    <message>
      <source>Print the receipt</source>
      <translation>Print the receipt</translation>
    </message>
  </context>
  <context>
    <name>SayYesPage</name>
    <message>
      <source>Say yes</source>
      <translation>Say yes</translation>
    </message>
    <message>
      <source>Order line to refund</source>
      <translation>Order line to refund</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Amount</translation>
    </message>
    <message>
      <source>Reason category</source>
      <translation>Reason category</translation>
    </message>
    <message>
      <source>Choose a reason…</source>
      <translation>Choose a reason…</translation>
    </message>
    <message>
      <source>What happened, in a few words</source>
      <translation>What happened, in a few words</translation>
    </message>
    <message>
      <source>Reason, in a few words</source>
      <translation>Reason, in a few words</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Confirm</translation>
    </message>
  </context>
  <context>
    <name>SeePage</name>
    <message>
      <source>Last interactions</source>
      <translation>Last interactions</translation>
    </message>
    <message>
      <source>Open cases</source>
      <translation>Open cases</translation>
    </message>
    <message>
      <source>No open case.</source>
      <translation>No open case.</translation>
    </message>
    <message>
      <source>What I can grant</source>
      <translation>What I can grant</translation>
    </message>
    <message>
      <source>Say yes (Enter)</source>
      <translation>Say yes (Enter)</translation>
    </message>
    <message>
      <source>Another customer</source>
      <translation>Another customer</translation>
    </message>
  </context>
  <context>
    <name>Store</name>
    <message>
      <source>from the centre</source>
      <extracomment>Row height of the counter lists: a finger, not a mouse pointer.</extracomment>
      <translation>from the centre</translation>
    </message>
  </context>
  <context>
    <name>StoreWindow</name>
    <message>
      <source>Advisor Desk — store counter</source>
      <extracomment>A gesture was granted at the counter. The step now shown (0 find, 1 see, 2 say yes, 3 done).</extracomment>
      <translation>Advisor Desk — store counter</translation>
    </message>
    <message>
      <source>← Back (Esc)</source>
      <translation>← Back (Esc)</translation>
    </message>
    <message>
      <source>Offline: gestures are granted within what remained at the last sync and confirmed by the centre later.</source>
      <translation>Offline: gestures are granted within what remained at the last sync and confirmed by the centre later.</translation>
    </message>
    <message>
      <source>1 Find</source>
      <translation>1 Find</translation>
    </message>
    <message>
      <source>2 See</source>
      <translation>2 See</translation>
    </message>
    <message>
      <source>3 Say yes</source>
      <translation>3 Say yes</translation>
    </message>
    <message>
      <source>Scan a card or type something to search for.</source>
      <translation>Scan a card or type something to search for.</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Searching…</translation>
    </message>
    <message>
      <source>Not on this desk; asking the centre…</source>
      <translation>Not on this desk; asking the centre…</translation>
    </message>
    <message>
      <source>No customer found. Check the number, or ask for the phone number or the e-mail.</source>
      <translation>No customer found. Check the number, or ask for the phone number or the e-mail.</translation>
    </message>
    <message>
      <source>No customer found on this desk, and the centre cannot be reached (offline).</source>
      <translation>No customer found on this desk, and the centre cannot be reached (offline).</translation>
    </message>
    <message>
      <source>The search failed. Try again.</source>
      <translation>The search failed. Try again.</translation>
    </message>
    <message numerus="yes">
      <source>%n customer(s) found: pick one.</source>
      <translation>
        <numerusform>%n customer found: pick them.</numerusform>
        <numerusform>%n customers found: pick one.</numerusform>
      </translation>
    </message>
    <message>
      <source>This customer is not on this desk and cannot be fetched now.</source>
      <translation>This customer is not on this desk and cannot be fetched now.</translation>
    </message>
    <message>
      <source>Fetching the customer from the centre…</source>
      <translation>Fetching the customer from the centre…</translation>
    </message>
    <message>
      <source>This customer is not on this desk.</source>
      <translation>This customer is not on this desk.</translation>
    </message>
    <message>
      <source>card %1</source>
      <translation>card %1</translation>
    </message>
    <message>
      <source>Your authority has not been received from the centre yet: connect once before granting.</source>
      <translation>Your authority has not been received from the centre yet: connect once before granting.</translation>
    </message>
    <message>
      <source>Left today: %1</source>
      <translation>Left today: %1</translation>
    </message>
    <message>
      <source>Left for this customer (30 days): %1</source>
      <translation>Left for this customer (30 days): %1</translation>
    </message>
    <message>
      <source>Confirmed by the centre.</source>
      <translation>Confirmed by the centre.</translation>
    </message>
    <message>
      <source>%1 — not valid</source>
      <translation>%1 — not valid</translation>
    </message>
    <message>
      <source>Refused by the centre: %1</source>
      <translation>Refused by the centre: %1</translation>
    </message>
    <message>
      <source>Suggested for this case</source>
      <translation>Suggested for this case</translation>
    </message>
    <message>
      <source>Amount %1</source>
      <translation>Amount %1</translation>
    </message>
    <message>
      <source>Beyond what I can grant now</source>
      <translation>Beyond what I can grant now</translation>
    </message>
    <message>
      <source>From %1 to %2</source>
      <translation>From %1 to %2</translation>
    </message>
    <message>
      <source>Nothing left to grant now for this gesture.</source>
      <translation>Nothing left to grant now for this gesture.</translation>
    </message>
    <message>
      <source>Pick a gesture.</source>
      <translation>Pick a gesture.</translation>
    </message>
    <message>
      <source>Choose the order line to refund.</source>
      <translation>Choose the order line to refund.</translation>
    </message>
    <message>
      <source>Pick or type an amount.</source>
      <translation>Pick or type an amount.</translation>
    </message>
    <message>
      <source>Give a reason: a category and a few words.</source>
      <translation>Give a reason: a category and a few words.</translation>
    </message>
    <message>
      <source>Confirm: %1 (Enter)</source>
      <translation>Confirm: %1 (Enter)</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <source>Saying yes…</source>
      <translation>Saying yes…</translation>
    </message>
    <message>
      <source>Granted: %1 %2</source>
      <translation>Granted: %1 %2</translation>
    </message>
    <message>
      <source>The gesture was not saved: %1</source>
      <translation>The gesture was not saved: %1</translation>
    </message>
    <message>
      <source>The gesture was not saved because of an unexpected error. Nothing was granted.</source>
      <translation>The gesture was not saved because of an unexpected error. Nothing was granted.</translation>
    </message>
    <message>
      <source>The receipt could not be saved: %1</source>
      <translation>The receipt could not be saved: %1</translation>
    </message>
    <message>
      <source>Receipt saved: %1</source>
      <translation>Receipt saved: %1</translation>
    </message>
    <message>
      <source>Save the receipt as PDF</source>
      <translation>Save the receipt as PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Receipt sent to the printer.</source>
      <translation>Receipt sent to the printer.</translation>
    </message>
  </context>
</TS>