-- Availability alerts: a person asks to be told when a place appears for a procedure, a channel, an
-- office or a city, and a date range. Confirmed by a link sent to the address (double opt-in).
CREATE TABLE alert_subscriptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  procedure_code text NOT NULL REFERENCES procedures (code),
  channel text NOT NULL REFERENCES channels (code),
  office_code text REFERENCES offices (code),
  city_code char(5) REFERENCES cities (code),
  date_from date NOT NULL,
  date_to date NOT NULL,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  locale text NOT NULL DEFAULT 'es' CHECK (locale IN ('es', 'en')),
  -- pending: waiting for the confirmation link; active: offered places in subscription order;
  -- fulfilled: took a place; ended: the date range passed; unsubscribed: the person left
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'active', 'fulfilled', 'ended', 'unsubscribed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  closed_at timestamptz,
  CHECK (date_to >= date_from),
  CHECK (office_code IS NULL OR city_code IS NULL),
  CHECK ((status = 'pending') OR (status IN ('ended', 'unsubscribed')) OR confirmed_at IS NOT NULL)
);
CREATE INDEX alert_subscriptions_matching ON alert_subscriptions (procedure_code, channel, id)
  WHERE status = 'active';
CREATE INDEX alert_subscriptions_email ON alert_subscriptions (lower(email))
  WHERE status IN ('pending', 'active');

-- A place offered to one subscriber: a hold of kind 'offer' keeps it out of public search until the
-- claim window ends. Each subscriber is offered a given slot at most once, so an unclaimed place passes on.
CREATE TABLE alert_offers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subscription_id bigint NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
  slot_id bigint NOT NULL REFERENCES slots (id),
  -- the hold row keeping the place; no foreign key: holds are deleted when they expire or are confirmed
  hold_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'claimed', 'expired', 'withdrawn')),
  offered_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  decided_at timestamptz,
  UNIQUE (subscription_id, slot_id),
  CHECK (expires_at > offered_at)
);
CREATE UNIQUE INDEX alert_offers_one_live ON alert_offers (subscription_id) WHERE status = 'offered';
CREATE INDEX alert_offers_hold ON alert_offers (hold_id);
CREATE INDEX alert_offers_expiry ON alert_offers (expires_at) WHERE status = 'offered';

-- Links in alert e-mails (confirm, unsubscribe, claim) carry a random token; only its SHA-256 is kept.
-- Each message gets its own tokens, so an older message's unsubscribe link keeps working.
CREATE TABLE alert_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  subscription_id bigint NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe', 'claim')),
  offer_id bigint REFERENCES alert_offers (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  CHECK ((purpose = 'claim') = (offer_id IS NOT NULL))
);
CREATE INDEX alert_tokens_subscription ON alert_tokens (subscription_id);
