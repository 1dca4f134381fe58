import { defineMessages } from '../define.js';

/** Rebooking with priority after a closure: the pass link's page (decision 010). */
export const rebook = defineMessages(
  {
    'rebook.title': 'Elija su nueva cita',
    'rebook.lead':
      'Cancelamos su cita porque la oficina o el servicio no atenderá ese día. Hasta el {until} (hora de Bogotá) este enlace le permite elegir una nueva cita sin volver a escribir sus datos.',
    'rebook.cancelled.title': 'La cita cancelada',
    'rebook.cancelled.when': 'Era el',
    'rebook.kept.hint':
      'Guardado para usted hasta el {until} (hora de Bogotá); nadie más puede tomarlo mientras tanto.',
    'rebook.choose.legendKept': 'Confirme el lugar guardado o elija otra hora',
    'rebook.choose.hintKept': 'Debajo del lugar guardado están las horas libres del {day}.',
    'rebook.choose.legend': 'Horas libres del {day}',
    'rebook.choose.submit': 'Confirmar la nueva cita',
    'rebook.choose.none':
      'Por ahora no hay horas libres para este trámite. Se publica agenda nueva con frecuencia: vuelva a abrir este enlace más tarde.',
    'rebook.choose.required': 'Elija una hora',
    'rebook.days.title': 'Otros días con horas libres',
    'rebook.decline.title': '¿Ya no necesita la cita?',
    'rebook.decline.leadKept': 'Devuelva el lugar guardado para que otra persona pueda tomarlo.',
    'rebook.decline.lead':
      'Puede renunciar a este enlace; si más adelante necesita una cita, pídala como siempre.',
    'rebook.decline.submit': 'No necesito una nueva cita',
    'rebook.used.title': 'Su nueva cita está confirmada',
    'rebook.used.notice': 'Listo: su nueva cita quedó confirmada. Le enviamos los detalles por correo.',
    'rebook.used.manage': 'Para cambiarla o cancelarla use «Gestionar cita» con este código y su documento.',
    'rebook.used.manageLink': 'Gestionar cita',
    'rebook.state.declined': 'Renunció a la nueva cita',
    'rebook.state.declined.body':
      'Devolvimos el lugar guardado. Si necesita una cita más adelante, pídala como siempre.',
    'rebook.state.expired': 'Este enlace venció',
    'rebook.state.expired.body':
      'El plazo para elegir una cita con prioridad terminó. Puede pedir una cita como siempre.',
    'rebook.state.withdrawn': 'Este enlace ya no es válido',
    'rebook.state.withdrawn.body': 'Sus datos fueron eliminados a petición suya, y con ellos este enlace.',
    'rebook.declined.notice': 'Devolvimos el lugar guardado. Gracias por avisar.',
    'rebook.error.link': 'El enlace no es válido',
    'rebook.invalid.body':
      'Revise que copió el enlace completo del correo. Si no lo tiene, puede pedir una cita como siempre.',
    'rebook.error.used': 'Este enlace ya se usó para una nueva cita.',
    'rebook.error.alreadyBooked':
      'Ya tiene otra cita vigente para este trámite. Para cambiarla use «Gestionar cita».',
  },
  {
    'rebook.title': 'Choose your new appointment',
    'rebook.lead':
      'We cancelled your appointment because the office or service will not attend that day. Until {until} (Bogotá time) this link lets you choose a new appointment without typing your details again.',
    'rebook.cancelled.title': 'The cancelled appointment',
    'rebook.cancelled.when': 'It was on',
    'rebook.kept.hint': 'Kept for you until {until} (Bogotá time); nobody else can take it meanwhile.',
    'rebook.choose.legendKept': 'Confirm the kept place or choose another time',
    'rebook.choose.hintKept': 'Below the kept place are the free times of {day}.',
    'rebook.choose.legend': 'Free times on {day}',
    'rebook.choose.submit': 'Confirm the new appointment',
    'rebook.choose.none':
      'There are no free times for this procedure right now. New agenda is published often: open this link again later.',
    'rebook.choose.required': 'Choose a time',
    'rebook.days.title': 'Other days with free times',
    'rebook.decline.title': 'No longer need the appointment?',
    'rebook.decline.leadKept': 'Give the kept place back so that someone else can take it.',
    'rebook.decline.lead': 'You can give up this link; if you need an appointment later, book it as usual.',
    'rebook.decline.submit': 'I do not need a new appointment',
    'rebook.used.title': 'Your new appointment is confirmed',
    'rebook.used.notice': 'Done: your new appointment is confirmed. We sent you the details by e-mail.',
    'rebook.used.manage':
      'To change or cancel it, use "Manage appointment" with this code and your document.',
    'rebook.used.manageLink': 'Manage appointment',
    'rebook.state.declined': 'You gave up the new appointment',
    'rebook.state.declined.body':
      'We gave the kept place back. If you need an appointment later, book it as usual.',
    'rebook.state.expired': 'This link has expired',
    'rebook.state.expired.body':
      'The time to choose an appointment with priority is over. You can book as usual.',
    'rebook.state.withdrawn': 'This link is no longer valid',
    'rebook.state.withdrawn.body': 'Your data was erased at your request, and this link with it.',
    'rebook.declined.notice': 'We gave the kept place back. Thank you for telling us.',
    'rebook.error.link': 'The link is not valid',
    'rebook.invalid.body':
      'Check that you copied the whole link from the e-mail. If you do not have it, you can book as usual.',
    'rebook.error.used': 'This link was already used for a new appointment.',
    'rebook.error.alreadyBooked':
      'You already have another current appointment for this procedure. To change it, use "Manage appointment".',
  },
);
