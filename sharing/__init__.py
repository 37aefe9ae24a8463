"""Sharing: absolute and canonical addresses, share links, the JSON-LD search engines
read, and the share cards social networks show beside a link."""
