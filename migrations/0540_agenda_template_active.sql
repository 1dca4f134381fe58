-- A weekly template can be taken out of use without losing it (or the history of what it published):
-- an inactive template is neither previewed nor published, and its hours no longer block another
-- template of the line from covering them.
ALTER TABLE agenda_templates ADD COLUMN active boolean NOT NULL DEFAULT true;
