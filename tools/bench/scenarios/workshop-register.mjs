// POST /api/workshops/:slug/registrations from 500 signed-in people at the same moment for 100 open
// seats: RegistrationService.register (workshop row locked, seat or waiting list, arrival number,
// outbox event) against the same transaction through bare Fastify + pg (issue 15: exactly 100
// confirmed and 400 waitlisted, no error, p99 < 500 ms, aula/bare >= 0.6). Runner: lib/workshop-register.mjs.
export default {
  name: 'workshop-register',
  group: 'workshop-register',
  description: '500 people applying at once for 100 open seats, POST /api/workshops/:slug/registrations',
};
