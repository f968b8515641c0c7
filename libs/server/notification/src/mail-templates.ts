import type { Locale, MailKind, MailTemplateId } from '@aula/contracts';

/** Which preference governs each template; `account` cannot be turned off. */
export const TEMPLATE_KIND: Record<MailTemplateId, MailKind> = {
  invitation: 'account',
  'password-reset': 'account',
  'enrolment-approved': 'enrolment',
  'enrolment-waitlisted': 'enrolment',
  'enrolment-promoted': 'enrolment',
  'submission-receipt': 'submission-receipt',
  'grade-released': 'grade-released',
  'certificate-issued': 'certificate-issued',
  'cohort-starting': 'cohort-starting',
  'assignment-due': 'deadline-reminder',
  'quiz-closing': 'deadline-reminder',
  'work-overdue': 'deadline-reminder',
  inactivity: 'inactivity-reminder',
  'marking-waiting': 'marking-reminder',
  digest: 'account',
  // A workshop registration is an enrolment in a workshop: the same choice governs both.
  'workshop-received': 'enrolment',
  'workshop-confirmed': 'enrolment',
  'workshop-declined': 'enrolment',
  'workshop-waitlisted': 'enrolment',
  'workshop-promoted': 'enrolment',
  'workshop-withdrawn': 'enrolment',
  'workshop-offer-expired': 'enrolment',
  'workshop-cancelled': 'enrolment',
  'workshop-agenda-changed': 'enrolment',
  'workshop-starting': 'cohort-starting',
};

interface Template {
  subject: string;
  /** Paragraphs; `{name}` placeholders are filled with escaped values. */
  body: string[];
  action: string;
}

type Catalogue = Record<MailTemplateId, Template>;

const en: Catalogue = {
  invitation: {
    subject: 'You are invited to {platform}',
    body: ['Hello {name},', 'An account on {platform} was created for you. Choose your password to sign in. The link works once and until {expires}.'],
    action: 'Choose my password',
  },
  'password-reset': {
    subject: 'Reset your {platform} password',
    body: ['Hello {name},', 'Someone asked to reset the password of your account. The link works once and until {expires}. If it was not you, ignore this message: your password stays as it is.'],
    action: 'Choose a new password',
  },
  'enrolment-approved': {
    subject: 'You are enrolled in {course}',
    body: ['Hello {name},', 'Your place in {course} ({cohort}) is confirmed. The course starts on {start}.'],
    action: 'Open the course',
  },
  'enrolment-waitlisted': {
    subject: 'You are on the waiting list for {course}',
    body: ['Hello {name},', '{cohort} of {course} is full. You are on the waiting list and we will write to you as soon as a place is free.'],
    action: 'See the course',
  },
  'enrolment-promoted': {
    subject: 'A place is free for you in {course}',
    body: ['Hello {name},', 'A place opened in {course} ({cohort}) and it is yours. The course starts on {start}.'],
    action: 'Open the course',
  },
  'submission-receipt': {
    subject: 'We received your submission: {activity}',
    body: ['Hello {name},', 'Your version {version} of "{activity}" ({course}) was received on {submittedAt}.'],
    action: 'See my submission',
  },
  'grade-released': {
    subject: 'Your grade for {activity} is available',
    body: ['Hello {name},', 'Your tutor released your grade for "{activity}" ({course}).'],
    action: 'See my grade and feedback',
  },
  'certificate-issued': {
    subject: 'Your certificate for {course} is ready',
    body: ['Hello {name},', 'Congratulations! Your certificate for {course} was issued. Anyone can verify it with its public link.'],
    action: 'Download my certificate',
  },
  'cohort-starting': {
    subject: '{course} starts tomorrow',
    body: ['Hello {name},', '{course} ({cohort}) starts on {start}. Your first activities are waiting for you.'],
    action: 'Open the course',
  },
  'assignment-due': {
    subject: 'Reminder: {activity} is due {due}',
    body: ['Hello {name},', 'You have not submitted "{activity}" ({course}) yet. It is due on {due}.'],
    action: 'Submit my work',
  },
  'quiz-closing': {
    subject: 'Reminder: the quiz {activity} closes {closes}',
    body: ['Hello {name},', 'The quiz "{activity}" ({course}) closes on {closes} and you have not completed it yet.'],
    action: 'Take the quiz',
  },
  'work-overdue': {
    subject: '{activity} is overdue',
    body: ['Hello {name},', '"{activity}" ({course}) was due on {due} and we have not received your work. Submit it as soon as you can.'],
    action: 'Submit my work',
  },
  inactivity: {
    subject: 'We miss you in {course}',
    body: ['Hello {name},', 'You have not opened {course} for {days} days. Your next activities are waiting for you.'],
    action: 'Continue the course',
  },
  'marking-waiting': {
    subject: '{count} submissions are waiting to be marked in {course}',
    body: ['Hello {name},', '{count} submissions in {course} ({cohort}) have waited more than 48 hours for a mark.'],
    action: 'Open marking',
  },
  digest: {
    subject: 'Your daily summary from {platform}',
    body: ['Hello {name},', 'Here is what happened since your last summary:'],
    action: 'Open {platform}',
  },
  'workshop-received': {
    subject: 'We received your application for {workshop}',
    body: ['Hello {name},', 'Your application for {workshop} reached the organisers. We will write to you as soon as they decide. The workshop starts {start}.'],
    action: 'See the workshop',
  },
  'workshop-confirmed': {
    subject: 'Your seat at {workshop} is confirmed',
    body: ['Hello {name},', 'Your seat at {workshop} is confirmed. It starts {start}.', 'The attached invitation adds its sessions to your calendar.'],
    action: 'See the workshop',
  },
  'workshop-declined': {
    subject: 'Your application for {workshop} was declined',
    body: ['Hello {name},', 'The organisers of {workshop} declined your application.', 'Their reason: {reason}'],
    action: 'See the workshop',
  },
  'workshop-waitlisted': {
    subject: 'You are on the waiting list for {workshop}',
    body: ['Hello {name},', '{workshop} is full. You are number {position} on the waiting list, and we will write to you as soon as a seat is free for you.'],
    action: 'See the workshop',
  },
  'workshop-promoted': {
    subject: 'A seat is free for you at {workshop}',
    body: ['Hello {name},', 'A seat at {workshop} is yours if you confirm it before {deadline}. After that it goes to the next person in line.'],
    action: 'Confirm my seat',
  },
  'workshop-withdrawn': {
    subject: 'You left {workshop}',
    body: ['Hello {name},', 'Your registration for {workshop} is withdrawn. You can register again while registration is open.'],
    action: 'See the workshop',
  },
  'workshop-offer-expired': {
    subject: 'Your seat offer for {workshop} has lapsed',
    body: ['Hello {name},', 'The seat offered to you at {workshop} was not confirmed in time and went to the next person in line.'],
    action: 'See the workshop',
  },
  'workshop-cancelled': {
    subject: '{workshop} is cancelled',
    body: ['Hello {name},', 'The organisers cancelled {workshop}, which was to start {start}. Your registration has ended.', 'Reason: {reason}'],
    action: 'See the workshop',
  },
  'workshop-agenda-changed': {
    subject: 'The agenda of {workshop} changed',
    body: ['Hello {name},', 'The organisers changed the agenda of {workshop}. It now reads:'],
    action: 'See the agenda',
  },
  'workshop-starting': {
    subject: '{workshop} starts tomorrow',
    body: ['Hello {name},', '{workshop} starts {start}. The agenda and the practical details are on the workshop page.'],
    action: 'See the workshop',
  },
};

const es: Catalogue = {
  invitation: {
    subject: 'Te invitamos a {platform}',
    body: ['Hola, {name}:', 'Se creó una cuenta para ti en {platform}. Elige tu contraseña para entrar. El enlace sirve una sola vez y hasta el {expires}.'],
    action: 'Elegir mi contraseña',
  },
  'password-reset': {
    subject: 'Restablece tu contraseña de {platform}',
    body: ['Hola, {name}:', 'Alguien pidió restablecer la contraseña de tu cuenta. El enlace sirve una sola vez y hasta el {expires}. Si no fuiste tú, ignora este mensaje: tu contraseña no cambia.'],
    action: 'Elegir una contraseña nueva',
  },
  'enrolment-approved': {
    subject: 'Tu inscripción en {course} está confirmada',
    body: ['Hola, {name}:', 'Tu lugar en {course} ({cohort}) está confirmado. El curso empieza el {start}.'],
    action: 'Abrir el curso',
  },
  'enrolment-waitlisted': {
    subject: 'Estás en la lista de espera de {course}',
    body: ['Hola, {name}:', '{cohort} de {course} está completo. Estás en la lista de espera y te escribiremos en cuanto haya un lugar libre.'],
    action: 'Ver el curso',
  },
  'enrolment-promoted': {
    subject: 'Hay un lugar para ti en {course}',
    body: ['Hola, {name}:', 'Se liberó un lugar en {course} ({cohort}) y es tuyo. El curso empieza el {start}.'],
    action: 'Abrir el curso',
  },
  'submission-receipt': {
    subject: 'Recibimos tu entrega: {activity}',
    body: ['Hola, {name}:', 'Recibimos tu versión {version} de «{activity}» ({course}) el {submittedAt}.'],
    action: 'Ver mi entrega',
  },
  'grade-released': {
    subject: 'Tu calificación de {activity} está disponible',
    body: ['Hola, {name}:', 'Tu tutor publicó tu calificación de «{activity}» ({course}).'],
    action: 'Ver mi calificación y comentarios',
  },
  'certificate-issued': {
    subject: 'Tu certificado de {course} está listo',
    body: ['Hola, {name}:', '¡Felicitaciones! Se emitió tu certificado de {course}. Cualquier persona puede verificarlo con su enlace público.'],
    action: 'Descargar mi certificado',
  },
  'cohort-starting': {
    subject: '{course} empieza mañana',
    body: ['Hola, {name}:', '{course} ({cohort}) empieza el {start}. Tus primeras actividades te esperan.'],
    action: 'Abrir el curso',
  },
  'assignment-due': {
    subject: 'Recordatorio: {activity} vence el {due}',
    body: ['Hola, {name}:', 'Todavía no entregaste «{activity}» ({course}). Vence el {due}.'],
    action: 'Entregar mi trabajo',
  },
  'quiz-closing': {
    subject: 'Recordatorio: el cuestionario {activity} cierra el {closes}',
    body: ['Hola, {name}:', 'El cuestionario «{activity}» ({course}) cierra el {closes} y todavía no lo completaste.'],
    action: 'Hacer el cuestionario',
  },
  'work-overdue': {
    subject: '{activity} está vencida',
    body: ['Hola, {name}:', '«{activity}» ({course}) vencía el {due} y no recibimos tu trabajo. Entrégalo lo antes posible.'],
    action: 'Entregar mi trabajo',
  },
  inactivity: {
    subject: 'Te extrañamos en {course}',
    body: ['Hola, {name}:', 'Hace {days} días que no abres {course}. Tus próximas actividades te esperan.'],
    action: 'Continuar el curso',
  },
  'marking-waiting': {
    subject: '{count} entregas esperan calificación en {course}',
    body: ['Hola, {name}:', '{count} entregas de {course} ({cohort}) llevan más de 48 horas esperando calificación.'],
    action: 'Abrir calificación',
  },
  digest: {
    subject: 'Tu resumen diario de {platform}',
    body: ['Hola, {name}:', 'Esto es lo que pasó desde tu último resumen:'],
    action: 'Abrir {platform}',
  },
  'workshop-received': {
    subject: 'Recibimos tu solicitud para {workshop}',
    body: ['Hola, {name}:', 'Tu solicitud para {workshop} llegó a los organizadores. Te escribiremos en cuanto decidan. El taller empieza el {start}.'],
    action: 'Ver el taller',
  },
  'workshop-confirmed': {
    subject: 'Tu lugar en {workshop} está confirmado',
    body: ['Hola, {name}:', 'Tu lugar en {workshop} está confirmado. Empieza el {start}.', 'La invitación adjunta agrega sus sesiones a tu calendario.'],
    action: 'Ver el taller',
  },
  'workshop-declined': {
    subject: 'Tu solicitud para {workshop} fue rechazada',
    body: ['Hola, {name}:', 'Los organizadores de {workshop} rechazaron tu solicitud.', 'Su motivo: {reason}'],
    action: 'Ver el taller',
  },
  'workshop-waitlisted': {
    subject: 'Estás en la lista de espera de {workshop}',
    body: ['Hola, {name}:', '{workshop} está completo. Eres el número {position} de la lista de espera y te escribiremos en cuanto haya un lugar libre para ti.'],
    action: 'Ver el taller',
  },
  'workshop-promoted': {
    subject: 'Hay un lugar para ti en {workshop}',
    body: ['Hola, {name}:', 'Un lugar en {workshop} es tuyo si lo confirmas antes del {deadline}. Después pasa a la siguiente persona de la lista.'],
    action: 'Confirmar mi lugar',
  },
  'workshop-withdrawn': {
    subject: 'Dejaste {workshop}',
    body: ['Hola, {name}:', 'Tu inscripción en {workshop} quedó retirada. Puedes inscribirte de nuevo mientras la inscripción esté abierta.'],
    action: 'Ver el taller',
  },
  'workshop-offer-expired': {
    subject: 'Venció tu oferta de lugar en {workshop}',
    body: ['Hola, {name}:', 'El lugar que se te ofreció en {workshop} no se confirmó a tiempo y pasó a la siguiente persona de la lista.'],
    action: 'Ver el taller',
  },
  'workshop-cancelled': {
    subject: '{workshop} se canceló',
    body: ['Hola, {name}:', 'Los organizadores cancelaron {workshop}, que iba a empezar el {start}. Tu inscripción terminó.', 'Motivo: {reason}'],
    action: 'Ver el taller',
  },
  'workshop-agenda-changed': {
    subject: 'Cambió la agenda de {workshop}',
    body: ['Hola, {name}:', 'Los organizadores cambiaron la agenda de {workshop}. Ahora es así:'],
    action: 'Ver la agenda',
  },
  'workshop-starting': {
    subject: '{workshop} empieza mañana',
    body: ['Hola, {name}:', '{workshop} empieza el {start}. La agenda y los detalles prácticos están en la página del taller.'],
    action: 'Ver el taller',
  },
};

const pt: Catalogue = {
  invitation: {
    subject: 'Você foi convidado para {platform}',
    body: ['Olá, {name},', 'Uma conta foi criada para você em {platform}. Escolha sua senha para entrar. O link funciona uma única vez e até {expires}.'],
    action: 'Escolher minha senha',
  },
  'password-reset': {
    subject: 'Redefina sua senha de {platform}',
    body: ['Olá, {name},', 'Alguém pediu para redefinir a senha da sua conta. O link funciona uma única vez e até {expires}. Se não foi você, ignore esta mensagem: sua senha continua a mesma.'],
    action: 'Escolher uma nova senha',
  },
  'enrolment-approved': {
    subject: 'Sua inscrição em {course} foi confirmada',
    body: ['Olá, {name},', 'Sua vaga em {course} ({cohort}) está confirmada. O curso começa em {start}.'],
    action: 'Abrir o curso',
  },
  'enrolment-waitlisted': {
    subject: 'Você está na lista de espera de {course}',
    body: ['Olá, {name},', '{cohort} de {course} está lotada. Você está na lista de espera e escreveremos assim que uma vaga abrir.'],
    action: 'Ver o curso',
  },
  'enrolment-promoted': {
    subject: 'Abriu uma vaga para você em {course}',
    body: ['Olá, {name},', 'Abriu uma vaga em {course} ({cohort}) e ela é sua. O curso começa em {start}.'],
    action: 'Abrir o curso',
  },
  'submission-receipt': {
    subject: 'Recebemos sua entrega: {activity}',
    body: ['Olá, {name},', 'Recebemos sua versão {version} de "{activity}" ({course}) em {submittedAt}.'],
    action: 'Ver minha entrega',
  },
  'grade-released': {
    subject: 'Sua nota de {activity} está disponível',
    body: ['Olá, {name},', 'Seu tutor publicou sua nota de "{activity}" ({course}).'],
    action: 'Ver minha nota e comentários',
  },
  'certificate-issued': {
    subject: 'Seu certificado de {course} está pronto',
    body: ['Olá, {name},', 'Parabéns! Seu certificado de {course} foi emitido. Qualquer pessoa pode verificá-lo pelo link público.'],
    action: 'Baixar meu certificado',
  },
  'cohort-starting': {
    subject: '{course} começa amanhã',
    body: ['Olá, {name},', '{course} ({cohort}) começa em {start}. Suas primeiras atividades estão esperando por você.'],
    action: 'Abrir o curso',
  },
  'assignment-due': {
    subject: 'Lembrete: {activity} vence em {due}',
    body: ['Olá, {name},', 'Você ainda não entregou "{activity}" ({course}). O prazo é {due}.'],
    action: 'Entregar meu trabalho',
  },
  'quiz-closing': {
    subject: 'Lembrete: o questionário {activity} fecha em {closes}',
    body: ['Olá, {name},', 'O questionário "{activity}" ({course}) fecha em {closes} e você ainda não o concluiu.'],
    action: 'Fazer o questionário',
  },
  'work-overdue': {
    subject: '{activity} está atrasada',
    body: ['Olá, {name},', 'O prazo de "{activity}" ({course}) era {due} e não recebemos seu trabalho. Entregue assim que puder.'],
    action: 'Entregar meu trabalho',
  },
  inactivity: {
    subject: 'Sentimos sua falta em {course}',
    body: ['Olá, {name},', 'Faz {days} dias que você não abre {course}. Suas próximas atividades estão esperando por você.'],
    action: 'Continuar o curso',
  },
  'marking-waiting': {
    subject: '{count} entregas aguardam correção em {course}',
    body: ['Olá, {name},', '{count} entregas de {course} ({cohort}) aguardam correção há mais de 48 horas.'],
    action: 'Abrir correção',
  },
  digest: {
    subject: 'Seu resumo diário de {platform}',
    body: ['Olá, {name},', 'Veja o que aconteceu desde o seu último resumo:'],
    action: 'Abrir {platform}',
  },
  'workshop-received': {
    subject: 'Recebemos sua inscrição para {workshop}',
    body: ['Olá, {name},', 'Sua inscrição para {workshop} chegou aos organizadores. Escreveremos assim que decidirem. O workshop começa em {start}.'],
    action: 'Ver o workshop',
  },
  'workshop-confirmed': {
    subject: 'Sua vaga em {workshop} está confirmada',
    body: ['Olá, {name},', 'Sua vaga em {workshop} está confirmada. Ele começa em {start}.', 'O convite anexo adiciona as sessões à sua agenda.'],
    action: 'Ver o workshop',
  },
  'workshop-declined': {
    subject: 'Sua inscrição para {workshop} foi recusada',
    body: ['Olá, {name},', 'Os organizadores de {workshop} recusaram sua inscrição.', 'O motivo: {reason}'],
    action: 'Ver o workshop',
  },
  'workshop-waitlisted': {
    subject: 'Você está na lista de espera de {workshop}',
    body: ['Olá, {name},', '{workshop} está lotado. Você é o número {position} na lista de espera e escreveremos assim que houver uma vaga para você.'],
    action: 'Ver o workshop',
  },
  'workshop-promoted': {
    subject: 'Abriu uma vaga para você em {workshop}',
    body: ['Olá, {name},', 'Uma vaga em {workshop} é sua se você confirmar antes de {deadline}. Depois disso ela passa para a próxima pessoa da lista.'],
    action: 'Confirmar minha vaga',
  },
  'workshop-withdrawn': {
    subject: 'Você saiu de {workshop}',
    body: ['Olá, {name},', 'Sua inscrição em {workshop} foi retirada. Você pode se inscrever de novo enquanto as inscrições estiverem abertas.'],
    action: 'Ver o workshop',
  },
  'workshop-offer-expired': {
    subject: 'Sua oferta de vaga em {workshop} expirou',
    body: ['Olá, {name},', 'A vaga oferecida a você em {workshop} não foi confirmada a tempo e passou para a próxima pessoa da lista.'],
    action: 'Ver o workshop',
  },
  'workshop-cancelled': {
    subject: '{workshop} foi cancelado',
    body: ['Olá, {name},', 'Os organizadores cancelaram {workshop}, que começaria em {start}. Sua inscrição foi encerrada.', 'Motivo: {reason}'],
    action: 'Ver o workshop',
  },
  'workshop-agenda-changed': {
    subject: 'A agenda de {workshop} mudou',
    body: ['Olá, {name},', 'Os organizadores mudaram a agenda de {workshop}. Agora ela é assim:'],
    action: 'Ver a agenda',
  },
  'workshop-starting': {
    subject: '{workshop} começa amanhã',
    body: ['Olá, {name},', '{workshop} começa em {start}. A agenda e os detalhes práticos estão na página do workshop.'],
    action: 'Ver o workshop',
  },
};

const CATALOGUES: Record<Locale, Catalogue> = { en, es, pt };

const FOOTER: Record<Locale, { why: string; preferences: string; unsubscribe: string }> = {
  en: { why: 'You receive this message from {platform}.', preferences: 'Notification preferences', unsubscribe: 'Stop these emails' },
  es: { why: 'Recibes este mensaje de {platform}.', preferences: 'Preferencias de notificación', unsubscribe: 'No recibir más estos correos' },
  pt: { why: 'Você recebe esta mensagem de {platform}.', preferences: 'Preferências de notificação', unsubscribe: 'Não receber mais estes e-mails' },
};

export type TemplateParams = Record<string, string | number>;

export interface RenderedMail {
  subject: string;
  /** One-line summary for the in-app list and digests. */
  summary: string;
  html: string;
  text: string;
}

export interface MailLinks {
  action: string;
  preferences?: string;
  unsubscribe?: string;
  /** Digest entries, already rendered subject lines. */
  items?: string[];
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** No line breaks or control characters in anything that may reach a header or a single line. */
const oneLine = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();

function fill(text: string, params: TemplateParams, escape: (s: string) => string): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? escape(oneLine(String(params[key]))) : whole));
}

/** The subject line, filled, in the recipient's language. */
export function renderSubject(template: MailTemplateId, locale: Locale, params: TemplateParams): string {
  return oneLine(fill(CATALOGUES[locale][template].subject, params, (s) => s));
}

/** HTML and plain-text parts of one message. Every value is escaped in the HTML part. */
export function renderMail(template: MailTemplateId, locale: Locale, params: TemplateParams, links: MailLinks): RenderedMail {
  const t = CATALOGUES[locale][template];
  const footer = FOOTER[locale];
  const subject = renderSubject(template, locale, params);
  const plain = (s: string) => fill(s, params, (v) => v);
  const html = (s: string) => fill(escapeHtml(s), params, escapeHtml);
  const items = links.items ?? [];

  const text = [
    ...t.body.map(plain),
    ...items.map((i) => `- ${oneLine(i)}`),
    '',
    `${plain(t.action)}: ${links.action}`,
    '',
    '-- ',
    plain(footer.why),
    ...(links.preferences ? [`${footer.preferences}: ${links.preferences}`] : []),
    ...(links.unsubscribe ? [`${footer.unsubscribe}: ${links.unsubscribe}`] : []),
  ].join('\n');

  const htmlBody = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1f;max-width:560px;margin:0 auto;padding:16px">
${t.body.map((p) => `<p>${html(p)}</p>`).join('\n')}
${items.length ? `<ul>${items.map((i) => `<li>${escapeHtml(oneLine(i))}</li>`).join('')}</ul>` : ''}
<p><a href="${escapeHtml(links.action)}" style="display:inline-block;padding:10px 16px;background:#3f51b5;color:#fff;border-radius:4px;text-decoration:none">${html(t.action)}</a></p>
<hr style="border:none;border-top:1px solid #ddd">
<p style="font-size:12px;color:#555">${html(footer.why)}${links.preferences ? ` <a href="${escapeHtml(links.preferences)}">${escapeHtml(footer.preferences)}</a>` : ''}${links.unsubscribe ? ` · <a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(footer.unsubscribe)}</a>` : ''}</p>
</body></html>
`;
  const summary = oneLine(plain(t.body[1] ?? t.subject));
  return { subject, summary, html: htmlBody, text };
}
