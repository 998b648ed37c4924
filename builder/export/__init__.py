"""`briefs export`: the linked model as data (schema "briefs/1")."""
