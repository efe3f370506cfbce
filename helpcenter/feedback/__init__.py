"""What the feedback endpoint does to customers' words before it stores them; no web framework here."""
