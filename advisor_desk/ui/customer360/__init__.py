"""The customer header and the Customer 360 side panel."""
