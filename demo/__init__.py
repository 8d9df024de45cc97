"""Demo content, shared factories, bulk seeding and benchmarks: tooling, not the site.

Installed in development and tests; production settings leave it out unless
DEMO_CONTENT=on (see README). No production package imports it.
"""
