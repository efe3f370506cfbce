"""The feedback endpoint: records votes and events from the help center's pages, durably, without personal data."""
