"""Reading and writing files: CSV / Excel / JSON, encodings, header aliases, redaction."""
