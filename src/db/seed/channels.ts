import type { Channel } from '../../domain/channels.js';

export interface ChannelSeed {
  code: Channel;
  nameEs: string;
  nameEn: string;
  remote: boolean;
  descriptionEs: string;
  descriptionEn: string;
}

export const CHANNEL_SEEDS: readonly ChannelSeed[] = [
  {
    code: 'presencial',
    nameEs: 'Presencial',
    nameEn: 'In person',
    remote: false,
    descriptionEs:
      'Usted va a la oficina a la hora de su cita con los documentos originales. Llegue 10 minutos antes.',
    descriptionEn:
      'You go to the office at the time of your appointment with the original documents. Arrive 10 minutes early.',
  },
  {
    code: 'video',
    nameEs: 'Videoatención',
    nameEn: 'Video call',
    remote: true,
    descriptionEs:
      'Un funcionario le atiende por videollamada desde el navegador, sin instalar nada. El enlace llega en el correo de confirmación.',
    descriptionEn:
      'An officer attends you by video call in the browser, with nothing to install. The link comes in the confirmation e-mail.',
  },
  {
    code: 'telefono',
    nameEs: 'Llamada telefónica',
    nameEn: 'Phone call',
    remote: true,
    descriptionEs:
      'Un funcionario le llama al número móvil que registró, a la hora de la cita. Tenga sus documentos a la mano.',
    descriptionEn:
      'An officer calls the mobile number you gave, at the time of the appointment. Keep your documents at hand.',
  },
  {
    code: 'correo',
    nameEs: 'Correo electrónico',
    nameEn: 'E-mail',
    remote: true,
    descriptionEs:
      'Envíe los documentos antes de las 9:00 (citas de la mañana) o de las 12:00 (citas de la tarde) del día de la cita, desde el correo registrado en el RUT o el que dio al reservar. La respuesta llega por correo.',
    descriptionEn:
      'Send the documents before 9:00 (morning appointments) or 12:00 (afternoon appointments) on the day, from the e-mail in your RUT or the one you gave when booking. The answer comes by e-mail.',
  },
];
