// GET /api/directory/institution-suggestions?q=… as a signed-out visitor (the registration form's
// typeahead): 20,000 institutions and 200,000 people, the 20 prefixes of lib/directory-seed.mjs in
// turn, 20 connections, against the same SQL through bare Fastify + pg (issue 14: p95 < 30 ms,
// aula/bare >= 0.7).
export default {
  name: 'directory',
  group: 'directory',
  description:
    'institution typeahead over 20,000 institutions and 200,000 people, GET /api/directory/institution-suggestions',
  check(body, q) {
    if (!Array.isArray(body) || body.length === 0) throw new Error(`directory: no suggestion for "${q}"`);
    if (body.some((s) => typeof s.id !== 'string' || typeof s.displayName !== 'string'))
      throw new Error('directory: a suggestion without id or display name');
  },
};
