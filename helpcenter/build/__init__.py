"""What a build writes besides MkDocs' pages: structured data, gzip copies."""
