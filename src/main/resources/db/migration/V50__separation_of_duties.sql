-- Separation of duties (ADR 0028). round_reviewers lists, comma-separated, the ids of the people who passed a
-- level of the current review round, so one person passes at most one level; a new submission clears it.
ALTER TABLE article_workflow ADD round_reviewers VARCHAR(200) NULL;

-- Per column: does each level of a round need a different person? On by default; a column staffed too
-- thinly for that may turn it off on its column page.
ALTER TABLE column_review_levels ADD one_level_per_person BOOLEAN DEFAULT TRUE NOT NULL;
