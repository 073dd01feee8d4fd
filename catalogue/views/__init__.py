"""Blueprints, one per audience: main, auth, department (clerks), finance."""
