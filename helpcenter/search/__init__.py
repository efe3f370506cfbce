"""Search that understands Indonesian customers: the analysis shared by the build and the browser."""
