"""The portal's domain: content model, loading, validation, page planning. No MkDocs imports here."""
