import { defineMessages } from '../define.js';

/** The optional NIT of the booking journey that shows a person their deadline day's reserved places. */
export const deadlineNit = defineMessages(
  {
    'deadlineNit.summary':
      '¿Vence hoy o en los próximos días su declaración? Vea los cupos guardados para su NIT',
    'deadlineNit.label': 'NIT (si hoy o en los próximos días vence su declaración)',
    'deadlineNit.hint':
      'Opcional. El día en que vence su declaración se guardan cupos para las personas a quienes les vence ese día, también cupos para el mismo día. Escríbalo sin dígito de verificación o con él después de un guion, por ejemplo 900123456 o 900.123.456-8.',
    'deadlineNit.use': 'Ver cupos con mi NIT',
    'deadlineNit.remove': 'Quitar NIT',
    'deadlineNit.active': 'Está buscando con el NIT {nit}.',
    'deadlineNit.included': 'Incluye cupos reservados para su fecha de vencimiento.',
    'deadlineNit.dueOn': 'Vencimientos de este NIT en las fechas que se pueden reservar: {dates}.',
    'deadlineNit.noDeadline':
      'Ese NIT no tiene una fecha de vencimiento en los días que se pueden reservar: se muestran los cupos de todos.',
    'deadlineNit.required': 'Escriba su NIT, o siga sin él: es opcional',
    'deadlineNit.format':
      'Escriba el NIT con números, de 6 a 15 cifras, sin letras; el dígito de verificación va después de un guion, por ejemplo 900.123.456-8',
    'deadlineNit.checkDigit':
      'El dígito de verificación no corresponde a ese NIT: revíselo, o escriba el NIT sin él',
    'deadlineNit.held':
      'Este cupo está reservado para el NIT {nit}, cuya declaración vence ese día. Para confirmarlo, su número de documento o el NIT de la empresa debe ser ese NIT.',
    'deadlineNit.mismatch':
      'Este cupo está reservado para el NIT {nit}: escriba ese NIT (sin dígito de verificación) como su número de documento, o con su dígito como NIT de la empresa, o elija otro horario',
  },
  {
    'deadlineNit.summary':
      'Is your tax return due today or in the next few days? See the places kept for your NIT',
    'deadlineNit.label': 'NIT (if your tax return is due today or in the next few days)',
    'deadlineNit.hint':
      'Optional. On the day a tax return falls due, some places are kept for the people whose deadline it is, including places on that same day. Type it without the check digit, or with it after a hyphen, for example 900123456 or 900.123.456-8.',
    'deadlineNit.use': 'Show places for my NIT',
    'deadlineNit.remove': 'Remove NIT',
    'deadlineNit.active': 'You are searching with NIT {nit}.',
    'deadlineNit.included': 'Includes places reserved for your deadline day.',
    'deadlineNit.dueOn': 'Deadlines of this NIT on the days that can be booked: {dates}.',
    'deadlineNit.noDeadline':
      'That NIT has no deadline on the days that can be booked: everyone’s places are shown.',
    'deadlineNit.required': 'Type your NIT, or carry on without it: it is optional',
    'deadlineNit.format':
      'Type the NIT in digits, 6 to 15 of them, no letters; the check digit goes after a hyphen, for example 900.123.456-8',
    'deadlineNit.checkDigit': 'The check digit does not match that NIT: check it, or type the NIT without it',
    'deadlineNit.held':
      'This place is reserved for NIT {nit}, whose tax return is due that day. To confirm it, your document number or the company’s NIT must be that NIT.',
    'deadlineNit.mismatch':
      'This place is reserved for NIT {nit}: type that NIT (without check digit) as your document number, or with its check digit as the company’s NIT, or choose another time',
  },
);
