import { defineMessages } from '../define.js';

/** The data subject's pages and e-mail (Ley 1581 de 2012). */
export const privacy = defineMessages(
  {
    'privacy.mail.subject': 'Sus datos personales en Agendamiento de Citas',
    'privacy.mail.heading': 'Enlace para ver o eliminar sus datos',
    'privacy.mail.lead':
      'Recibimos una solicitud para consultar los datos personales asociados a este correo y a su documento. Con este enlace puede verlos y, si lo desea, pedir que se eliminen.',
    'privacy.mail.action': 'Ver mis datos',
    'privacy.mail.expiry': 'El enlace sirve durante una hora.',
    'privacy.mail.ignore':
      'Si no hizo esta solicitud, ignore este mensaje: nadie puede ver sus datos sin este enlace.',
    'privacy.request.title': 'Consultar o eliminar mis datos personales',
    'privacy.request.lead':
      'Escriba su número de documento y el correo que dio al pedir la cita. Si tenemos datos suyos, le enviaremos a ese correo un enlace para verlos o pedir que se eliminen.',
    'privacy.request.document': 'Número de documento',
    'privacy.request.email': 'Correo electrónico',
    'privacy.request.submit': 'Enviar el enlace',
    'privacy.request.sent.title': 'Revise su correo',
    'privacy.request.sent.body':
      'Si el documento y el correo corresponden a una cita, acabamos de enviar un enlace a ese correo. Sirve durante una hora.',
    'privacy.request.error.document': 'Escriba su número de documento',
    'privacy.request.error.email': 'Escriba el correo electrónico que dio al pedir la cita',
    'privacy.view.title': 'Sus datos personales',
    'privacy.view.invalid.title': 'El enlace no es válido',
    'privacy.view.invalid.body':
      'El enlace venció, ya se usó para eliminar los datos o está incompleto. Pida uno nuevo.',
    'privacy.view.people': 'Datos de identificación y contacto',
    'privacy.view.appointments': 'Citas',
    'privacy.view.consents': 'Autorizaciones de tratamiento de datos',
    'privacy.view.consent':
      'Versión {version} de la política, aceptada el {date} ({channel}) para: {purposes}',
    'privacy.view.rights':
      'Puede actualizar o rectificar sus datos de contacto, pedir prueba de su autorización, revocarla y pedir la eliminación de sus datos. También puede presentar quejas ante la Superintendencia de Industria y Comercio.',
    'privacy.view.noneName':
      'No se pueden cambiar el nombre ni el documento de una cita: cancélela y pida otra.',
    'privacy.delete.title': 'Eliminar mis datos',
    'privacy.delete.warning':
      'Se cancelarán sus citas futuras (los cupos quedan libres para otras personas) y se borrarán su nombre, documento y datos de contacto. Esto no se puede deshacer.',
    'privacy.delete.submit': 'Eliminar mis datos',
    'privacy.delete.done.title': 'Sus datos fueron eliminados',
    'privacy.delete.done.body':
      'Cancelamos sus citas futuras y borramos sus datos personales. Queda un registro de que la eliminación se hizo, sin sus datos.',
    'privacy.column.document': 'Documento',
    'privacy.column.name': 'Nombre',
    'privacy.column.email': 'Correo',
    'privacy.column.phone': 'Teléfono',
    'privacy.column.code': 'Código',
    'privacy.column.procedure': 'Trámite',
    'privacy.column.date': 'Fecha',
    'privacy.column.status': 'Estado',
    'privacy.request.error.documentLong': 'El número de documento tiene como máximo {max} caracteres',
    'privacy.request.error.emailFormat':
      'Escriba un correo electrónico válido, por ejemplo nombre@ejemplo.com',
    'privacy.request.again': 'Pedir un enlace nuevo',
    'privacy.view.lead':
      'Estos son los datos personales que tenemos asociados a su documento y a su correo. Esta página no queda guardada en su navegador.',
    'privacy.view.emptyPeople': 'Ya no tenemos datos de identificación ni de contacto suyos.',
    'privacy.view.emptyAppointments': 'No tiene citas registradas.',
    'privacy.view.company': 'Empresa: {name}',
    'privacy.column.channel': 'Canal',
    'privacy.column.office': 'Oficina',
    'privacy.status.booked': 'Agendada',
    'privacy.status.checked_in': 'En atención',
    'privacy.status.attended': 'Atendida',
    'privacy.status.no_show': 'No asistió',
    'privacy.status.cancelled': 'Cancelada',
    'privacy.consent.channel.web': 'sitio web',
    'privacy.consent.channel.api': 'aplicación o quiosco',
    'privacy.purpose.agendamiento': 'agendar su cita',
    'privacy.purpose.notificaciones': 'enviarle avisos de su cita',
    'privacy.purpose.atencion': 'atenderle',
    'privacy.rectify.title': 'Corregir mis datos de contacto',
    'privacy.rectify.lead':
      'Si su correo o su teléfono cambiaron o están mal escritos, corríjalos aquí. Se corrigen en todas sus citas.',
    'privacy.rectify.email': 'Correo electrónico',
    'privacy.rectify.phone': 'Teléfono celular o fijo',
    'privacy.rectify.submit': 'Guardar la corrección',
    'privacy.rectify.done': 'Sus datos de contacto quedaron corregidos.',
    'privacy.delete.lead':
      'Puede pedir que borremos sus datos personales. Antes de borrarlos le pediremos que lo confirme.',
    'privacy.delete.start': 'Quiero eliminar mis datos',
    'privacy.delete.confirm.title': '¿Eliminar sus datos personales?',
    'privacy.delete.future': 'Citas futuras que se cancelarán: {count}.',
    'privacy.delete.back': 'No, volver a mis datos',
  },
  {
    'privacy.mail.subject': 'Your personal data in Appointment booking',
    'privacy.mail.heading': 'Link to see or delete your data',
    'privacy.mail.lead':
      'We received a request to see the personal data held for this e-mail address and your document. With this link you can see it and, if you wish, ask for it to be deleted.',
    'privacy.mail.action': 'See my data',
    'privacy.mail.expiry': 'The link works for one hour.',
    'privacy.mail.ignore':
      'If you did not ask for this, ignore this message: nobody can see your data without this link.',
    'privacy.request.title': 'See or delete my personal data',
    'privacy.request.lead':
      'Enter your document number and the e-mail address you gave when booking. If we hold data about you, we will send a link to that address to see it or ask for its deletion.',
    'privacy.request.document': 'Document number',
    'privacy.request.email': 'E-mail address',
    'privacy.request.submit': 'Send the link',
    'privacy.request.sent.title': 'Check your e-mail',
    'privacy.request.sent.body':
      'If the document and the e-mail match an appointment, we have just sent a link to that address. It works for one hour.',
    'privacy.request.error.document': 'Enter your document number',
    'privacy.request.error.email': 'Enter the e-mail address you gave when booking',
    'privacy.view.title': 'Your personal data',
    'privacy.view.invalid.title': 'The link is not valid',
    'privacy.view.invalid.body':
      'The link expired, was already used to delete the data, or is incomplete. Ask for a new one.',
    'privacy.view.people': 'Identification and contact data',
    'privacy.view.appointments': 'Appointments',
    'privacy.view.consents': 'Authorisations to process data',
    'privacy.view.consent': 'Policy version {version}, accepted on {date} ({channel}) for: {purposes}',
    'privacy.view.rights':
      'You can update or correct your contact details, ask for proof of your authorisation, revoke it and ask for your data to be deleted. You can also complain to the Superintendencia de Industria y Comercio.',
    'privacy.view.noneName':
      'The name and document of an appointment cannot be changed: cancel it and book another.',
    'privacy.delete.title': 'Delete my data',
    'privacy.delete.warning':
      'Your future appointments will be cancelled (their places freed for others) and your name, document and contact details erased. This cannot be undone.',
    'privacy.delete.submit': 'Delete my data',
    'privacy.delete.done.title': 'Your data was deleted',
    'privacy.delete.done.body':
      'We cancelled your future appointments and erased your personal data. A record remains that the deletion happened, without your data.',
    'privacy.column.document': 'Document',
    'privacy.column.name': 'Name',
    'privacy.column.email': 'E-mail',
    'privacy.column.phone': 'Phone',
    'privacy.column.code': 'Code',
    'privacy.column.procedure': 'Procedure',
    'privacy.column.date': 'Date',
    'privacy.column.status': 'Status',
    'privacy.request.error.documentLong': 'The document number has at most {max} characters',
    'privacy.request.error.emailFormat': 'Enter a valid e-mail address, for example name@example.com',
    'privacy.request.again': 'Ask for a new link',
    'privacy.view.lead':
      'This is the personal data we hold under your document and your e-mail address. This page is not kept by your browser.',
    'privacy.view.emptyPeople': 'We no longer hold identification or contact data about you.',
    'privacy.view.emptyAppointments': 'You have no appointments on record.',
    'privacy.view.company': 'Company: {name}',
    'privacy.column.channel': 'Channel',
    'privacy.column.office': 'Office',
    'privacy.status.booked': 'Booked',
    'privacy.status.checked_in': 'Being attended',
    'privacy.status.attended': 'Attended',
    'privacy.status.no_show': 'Did not attend',
    'privacy.status.cancelled': 'Cancelled',
    'privacy.consent.channel.web': 'website',
    'privacy.consent.channel.api': 'app or kiosk',
    'privacy.purpose.agendamiento': 'booking your appointment',
    'privacy.purpose.notificaciones': 'sending you notices about it',
    'privacy.purpose.atencion': 'attending you',
    'privacy.rectify.title': 'Correct my contact details',
    'privacy.rectify.lead':
      'If your e-mail address or phone changed or is misspelt, correct it here. It is corrected on all your appointments.',
    'privacy.rectify.email': 'E-mail address',
    'privacy.rectify.phone': 'Mobile or landline number',
    'privacy.rectify.submit': 'Save the correction',
    'privacy.rectify.done': 'Your contact details were corrected.',
    'privacy.delete.lead':
      'You can ask us to erase your personal data. We will ask you to confirm before erasing it.',
    'privacy.delete.start': 'I want to delete my data',
    'privacy.delete.confirm.title': 'Delete your personal data?',
    'privacy.delete.future': 'Future appointments that will be cancelled: {count}.',
    'privacy.delete.back': 'No, back to my data',
  },
);
