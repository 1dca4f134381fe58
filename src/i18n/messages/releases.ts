import { defineMessages } from '../define.js';

/** Releases: places given by a draw among everyone who applies in a window (DESIGN.md §7). */
export const releases = defineMessages(
  {
    'releases.error.notFound': 'No existe ese sorteo.',
    'releases.error.link': 'El enlace no es válido. Revise que lo copió completo desde el correo.',
    'releases.error.closed': 'Las inscripciones de este sorteo no están abiertas.',
    'releases.error.inDraw':
      'Este cupo se entrega por sorteo entre quienes se inscriban: no se puede reservar directamente.',
    'releases.entry.datesOutside': 'Elija solo días de este sorteo.',
    'releases.entry.partOfDay': 'Elija mañana, tarde o cualquier hora.',
    'releases.entry.alreadyBooked':
      'Ya tiene una cita vigente para este trámite. Si la quiere cambiar, hágalo desde Gestionar cita.',
    'releases.entry.inactive': 'Esta inscripción ya no está activa.',
    'releases.offer.gone':
      'Este cupo ya no está guardado para usted: pasó a la siguiente persona del sorteo.',
    'releases.offer.decided': 'Este cupo ya fue tomado o rechazado.',
    'releases.offer.notYours':
      'Este cupo es solo para el documento inscrito en el sorteo. Escriba los datos de esa persona.',
    'releases.create.procedure': 'Elija un trámite que atienda esta línea.',
    'releases.create.lineInactive': 'La línea está desactivada.',
    'releases.create.noLine': 'Ninguna línea activa de esa oficina y canal atiende ese trámite.',
    'releases.create.severalLines':
      'Varias líneas de esa oficina y canal atienden ese trámite: indique la línea con --line.',
    'releases.create.opensInPast': 'La apertura no puede estar en el pasado.',
    'releases.create.opensAt':
      'Escriba la apertura como fecha y hora ISO 8601 (p. ej. 2026-12-01T08:00-05:00).',
    'releases.create.window':
      'La ventana de inscripción debe durar entre 10 segundos y 30 días (p. ej. 45s, 30m, 2h, 3d).',
    'releases.create.noPlaces':
      'No hay cupos libres en esas fechas que empiecen después del cierre de inscripciones.',
    'releases.create.date': 'Escriba una fecha válida (AAAA-MM-DD).',
    'releases.create.past': 'La fecha no puede ser anterior a hoy.',
    'releases.create.order': 'La fecha final debe ser igual o posterior a la inicial.',
    'releases.create.tooLong': 'Un sorteo cubre como máximo {max} días.',
    'releases.mail.why': 'Recibe este correo porque se inscribió en un sorteo de citas de la DIAN.',
    'releases.mail.releasePage': 'Ver el sorteo y cómo verificarlo',
    'releases.mail.label.days': 'Días del sorteo',
    'releases.mail.label.draw': 'Sorteo',
    'releases.mail.label.when': 'Fecha y hora',
    'releases.mail.label.where': 'Lugar',
    'releases.mail.label.until': 'Tómelo antes de',
    'releases.mail.label.position': 'Su número en el sorteo',
    'releases.mail.entry.subject': 'Confirme su inscripción al sorteo: {procedure}',
    'releases.mail.entry.heading': 'Confirme su inscripción',
    'releases.mail.entry.lead':
      'Recibimos su inscripción al sorteo de citas de {procedure} en {office}. Solo cuenta si la confirma con este enlace.',
    'releases.mail.entry.action': 'Confirmar mi inscripción',
    'releases.mail.entry.fair':
      'No importa cuándo se inscribió: todas las inscripciones confirmadas tienen la misma oportunidad. No necesita volver a consultar.',
    'releases.mail.entry.ignore': 'Si no fue usted, ignore este correo: sin confirmar no participa.',
    'releases.mail.offer.subject': 'Tiene un cupo del sorteo: {procedure}',
    'releases.mail.offer.heading': 'El sorteo le dio un cupo',
    'releases.mail.offer.lead':
      'Guardamos para usted este cupo de {procedure}. Tómelo y complete sus datos antes de la hora indicada.',
    'releases.mail.offer.action': 'Tomar el cupo',
    'releases.mail.offer.personal':
      'La cita es personal: solo se puede confirmar con el documento inscrito en el sorteo.',
    'releases.mail.offer.decline':
      'Si no lo necesita, rechácelo desde el mismo enlace: pasará enseguida a la siguiente persona.',
    'releases.mail.result.subject': 'Resultado del sorteo: {procedure}',
    'releases.mail.result.heading': 'Está en la lista de espera',
    'releases.mail.result.lead':
      'El sorteo de {procedure} no le dio un cupo todavía. Usted es el número {position} de la lista de espera de este sorteo.',
    'releases.mail.result.next':
      'Si alguien no toma su cupo o cancela, pasa a la siguiente persona de la lista y le escribimos. No necesita volver a consultar.',
    'releases.mail.result.action': 'Ver mi inscripción',
  },
  {
    'releases.error.notFound': 'There is no such draw.',
    'releases.error.link': 'The link is not valid. Check that you copied all of it from the e-mail.',
    'releases.error.closed': 'Applications for this draw are not open.',
    'releases.error.inDraw':
      'This place is given by a draw among the people who apply: it cannot be booked directly.',
    'releases.entry.datesOutside': 'Choose only days of this draw.',
    'releases.entry.partOfDay': 'Choose morning, afternoon or any time.',
    'releases.entry.alreadyBooked':
      'You already have an appointment for this procedure. To change it, use Manage your appointment.',
    'releases.entry.inactive': 'This application is no longer active.',
    'releases.offer.gone': 'This place is no longer kept for you: it passed to the next person in the draw.',
    'releases.offer.decided': 'This place was already taken or declined.',
    'releases.offer.notYours':
      'This place is only for the document entered in the draw. Enter that person’s details.',
    'releases.create.procedure': 'Choose a procedure this line attends.',
    'releases.create.lineInactive': 'The line is deactivated.',
    'releases.create.noLine': 'No active line of that office and channel attends that procedure.',
    'releases.create.severalLines':
      'Several lines of that office and channel attend that procedure: give the line with --line.',
    'releases.create.opensInPast': 'The opening cannot be in the past.',
    'releases.create.opensAt':
      'Write the opening as an ISO 8601 date and time (e.g. 2026-12-01T08:00-05:00).',
    'releases.create.window':
      'The application window must last between 10 seconds and 30 days (e.g. 45s, 30m, 2h, 3d).',
    'releases.create.noPlaces': 'There are no free places on those days that start after applications close.',
    'releases.create.date': 'Enter a valid date (YYYY-MM-DD).',
    'releases.create.past': 'The date cannot be before today.',
    'releases.create.order': 'The last date must be the same as or after the first.',
    'releases.create.tooLong': 'A draw covers {max} days at most.',
    'releases.mail.why': 'You receive this e-mail because you applied to a DIAN appointment draw.',
    'releases.mail.releasePage': 'See the draw and how to verify it',
    'releases.mail.label.days': 'Days of the draw',
    'releases.mail.label.draw': 'Draw',
    'releases.mail.label.when': 'Date and time',
    'releases.mail.label.where': 'Place',
    'releases.mail.label.until': 'Take it before',
    'releases.mail.label.position': 'Your number in the draw',
    'releases.mail.entry.subject': 'Confirm your application to the draw: {procedure}',
    'releases.mail.entry.heading': 'Confirm your application',
    'releases.mail.entry.lead':
      'We received your application to the draw of {procedure} appointments at {office}. It only counts once you confirm it with this link.',
    'releases.mail.entry.action': 'Confirm my application',
    'releases.mail.entry.fair':
      'It does not matter when you applied: every confirmed application has the same chance. You do not need to check again.',
    'releases.mail.entry.ignore':
      'If it was not you, ignore this e-mail: without confirming you do not take part.',
    'releases.mail.offer.subject': 'You have a place from the draw: {procedure}',
    'releases.mail.offer.heading': 'The draw gave you a place',
    'releases.mail.offer.lead':
      'We kept this {procedure} place for you. Take it and give your details before the time shown.',
    'releases.mail.offer.action': 'Take the place',
    'releases.mail.offer.personal':
      'The appointment is personal: it can only be confirmed with the document entered in the draw.',
    'releases.mail.offer.decline':
      'If you do not need it, decline it from the same link: it passes at once to the next person.',
    'releases.mail.result.subject': 'Result of the draw: {procedure}',
    'releases.mail.result.heading': 'You are on the waiting list',
    'releases.mail.result.lead':
      'The {procedure} draw has not given you a place yet. You are number {position} on this draw’s waiting list.',
    'releases.mail.result.next':
      'If someone does not take their place or cancels, it passes to the next person on the list and we write to you. You do not need to check again.',
    'releases.mail.result.action': 'See my application',
  },
);
