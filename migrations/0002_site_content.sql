-- Content of the citizen micro-site that staff edit without a deploy: self-service kiosks and the
-- help texts and contact lines.

CREATE TABLE kiosks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  place_type text NOT NULL CHECK (place_type IN ('camara_comercio', 'centro_comercial', 'alcaldia', 'otro')),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  address text NOT NULL CHECK (length(address) BETWEEN 3 AND 300),
  city_code char(5) NOT NULL REFERENCES cities (code),
  hours_es text NOT NULL,
  hours_en text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kiosks_city ON kiosks (city_code) WHERE active;

-- Editable texts of the micro-site (help, contact lines, deadline-day advice), one row per key and
-- language; the page shows the built-in text when no row exists.
CREATE TABLE site_texts (
  key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9._-]{1,80}$'),
  locale text NOT NULL CHECK (locale IN ('es', 'en')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 5000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by bigint REFERENCES staff (id),
  PRIMARY KEY (key, locale)
);
