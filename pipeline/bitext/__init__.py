"""The bitext document every stage reads and writes: model, schema, file store, carry-over, review status."""
