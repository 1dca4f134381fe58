-- Fair access: counters for rate limits shared by every app process, and the proof-of-work challenges
-- already redeemed (a solved challenge is good for one hold only).

CREATE TABLE rate_limit_counters (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limit_counters_window ON rate_limit_counters (window_start);

CREATE TABLE pow_redemptions (
  challenge_id text PRIMARY KEY,
  redeemed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pow_redemptions_redeemed ON pow_redemptions (redeemed_at);
