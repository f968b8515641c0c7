// Reminders (issue 6), in one run: 10,000 trainees with an assignment due tomorrow → every
// reminder delivered to a local SMTP sink through the whole pipeline (scheduler → mail queue →
// send ledger → pooled SMTP), against raw BullMQ add + no-op process and raw pooled nodemailer
// sends to the same sink. Runner: lib/reminders.mjs.
export default {
  name: 'reminders',
  group: 'reminders',
  description: '10,000 deadline reminders through the pipeline vs raw BullMQ and raw pooled SMTP',
};
