// Data of the `directory` benchmark, written straight into PostgreSQL with generate_series: 40
// regions (Latin America, Asia, Africa), N institutions (default 20,000) of every kind and sector
// with an official name in Spanish, Portuguese or English, an acronym for one in three and an alias
// for one in five, and M people (default 200,000), each a member of one institution.
//
// Deterministic: institution i (1-based) has id md5('dir-inst-' || i)::uuid and the name
// "<kind word> <topic word> de/of <place> <i>" (e.g. "Secretaría de Planeación de Antioquia 17"),
// so prefixes such as "secre", "univ" or "camara" match hundreds of records, as real ones do.
// search_text is written here as a lower-cased placeholder; lib/directory-api.mjs then rewrites it
// with the API's own folding (searchTextOf), so both match what the API writes.

/** What people type into the typeahead: prefixes of words, places, an acronym and a misspelling. */
export const QUERIES = [
  'secre',
  'prefeit',
  'consejo de plan',
  'conselho',
  'universidad',
  'univ',
  'camara',
  'comercio',
  'asociacion',
  'fundacao',
  'ministry',
  'instituto nac',
  'bogota',
  'sao paulo',
  'cordoba',
  'nariño',
  'kerala',
  'western',
  'san1',
  'secretria de antioquia',
];

const KINDS = [
  ['government', 'government', 'es', 'Secretaría de'],
  ['government', 'government', 'pt', 'Prefeitura de'],
  ['planning-board', 'government', 'es', 'Consejo de Planeación de'],
  ['planning-board', 'government', 'pt', 'Conselho de Desenvolvimento de'],
  ['university', 'academia', 'es', 'Universidad Regional de'],
  ['university', 'academia', 'pt', 'Universidade Federal de'],
  ['private-company', 'private-sector', 'es', 'Cámara de Comercio de'],
  ['private-company', 'private-sector', 'pt', 'Associação Comercial de'],
  ['community-organisation', 'community', 'es', 'Asociación Comunitaria de'],
  ['community-organisation', 'community', 'pt', 'Fundação Comunitária de'],
  ['international-organisation', 'international', 'en', 'Regional Office for'],
  ['ngo', 'community', 'en', 'Development Council of'],
  ['government', 'government', 'en', 'Ministry of Planning of'],
  ['university', 'academia', 'es', 'Instituto Nacional de'],
];

const PLACES = [
  ['Antioquia', 'CO'],
  ['Bogotá', 'CO'],
  ['Nariño', 'CO'],
  ['Córdoba', 'AR'],
  ['Mendoza', 'AR'],
  ['Biobío', 'CL'],
  ['Valparaíso', 'CL'],
  ['Quetzaltenango', 'GT'],
  ['Pernambuco', 'BR'],
  ['Minas Gerais', 'BR'],
  ['São Paulo', 'BR'],
  ['Kerala', 'IN'],
  ['Jawa Tengah', 'ID'],
  ['Western Cape', 'ZA'],
  ['Kigali', 'RW'],
  ['Cusco', 'PE'],
  ['Oaxaca', 'MX'],
  ['Santa Cruz', 'BO'],
  ['Guayas', 'EC'],
  ['Canelones', 'UY'],
];

/** Regions and institutions. Resolves the number of institutions. */
export async function seedDirectory(client, institutions) {
  await client.query('SET synchronous_commit = off');
  await client.query('BEGIN');
  const places = JSON.stringify(PLACES);
  const kinds = JSON.stringify(KINDS);
  await client.query(
    `INSERT INTO regions (id, slug, name, country, world_region, status, public, search_text)
     SELECT md5('dir-region-' || p.n)::uuid, 'bench-region-' || p.n,
            jsonb_build_object('en', p.place, 'es', p.place, 'pt', p.place), p.country,
            (CASE WHEN p.country IN ('IN', 'ID') THEN 'asia' WHEN p.country IN ('ZA', 'RW') THEN 'africa'
                  ELSE 'latin-america-caribbean' END)::world_region,
            'participating', true, lower(p.place)
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n),
            LATERAL (SELECT e.n, e.v->>0 AS place, e.v->>1 AS country) p`,
    [places],
  );
  await client.query(
    `INSERT INTO institutions (id, names, primary_name, acronym, kind, sector, country, region_id, status, public,
                               search_text)
     SELECT md5('dir-inst-' || i)::uuid,
            jsonb_build_array(jsonb_build_object('value', x.name, 'lang', k.lang, 'type', 'official'))
              || CASE WHEN i % 3 = 0 THEN jsonb_build_array(jsonb_build_object('value', x.acronym, 'lang', NULL, 'type', 'acronym')) ELSE '[]' END
              || CASE WHEN i % 5 = 0 THEN jsonb_build_array(jsonb_build_object('value', x.alias, 'lang', 'en', 'type', 'alias')) ELSE '[]' END,
            x.name, CASE WHEN i % 3 = 0 THEN x.acronym END,
            k.kind::institution_kind, k.sector::stakeholder_sector, p.country, md5('dir-region-' || p.n)::uuid,
            'active', i % 10 <> 0,
            lower(x.name)
       FROM generate_series(1, $3::int) i,
            LATERAL (SELECT e.v->>0 AS kind, e.v->>1 AS sector, e.v->>2 AS lang, e.v->>3 AS word
                       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, n)
                      WHERE e.n = 1 + i % jsonb_array_length($2::jsonb)) k,
            LATERAL (SELECT e.n, e.v->>0 AS place, e.v->>1 AS country
                       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n)
                      WHERE e.n = 1 + (i / 14) % jsonb_array_length($1::jsonb)) p,
            LATERAL (SELECT k.word || ' ' || p.place || ' ' || i AS name,
                            upper(substr(k.word, 1, 1) || substr(p.place, 1, 2)) || i AS acronym,
                            'Office ' || i || ' of ' || p.place AS alias) x`,
    [places, kinds, institutions],
  );
  await client.query('COMMIT');
  return institutions;
}

/** People, each with a membership at one institution (an account each: they are users of Aula). */
export async function seedPeople(client, people, institutions, passwordHash) {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO users (id, email, display_name, password_hash, roles, locale, time_zone, country, search_text)
     SELECT md5('dir-user-' || i)::uuid, 'dir' || i || '@bench.aula.example',
            (ARRAY['María José Núñez ', 'João Gonçalves ', 'Nguyễn Thị Lan ', 'Kwame Mensah '])[1 + i % 4] || i, $1,
            '{trainee}', (ARRAY['en','es','pt']::user_locale[])[1 + i % 3], 'America/Bogota', 'CO',
            'dir' || i
       FROM generate_series(1, $2::int) i`,
    [passwordHash, people],
  );
  await client.query(
    `INSERT INTO memberships (user_id, institution_id, position)
     SELECT md5('dir-user-' || i)::uuid, md5('dir-inst-' || (1 + i % $2::int))::uuid, 'Analyst'
       FROM generate_series(1, $1::int) i`,
    [people, institutions],
  );
  await client.query('COMMIT');
  await client.query('VACUUM (ANALYZE)');
}
