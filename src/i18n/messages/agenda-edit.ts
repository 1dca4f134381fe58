import { defineMessages } from '../define.js';

/** Texts of editing, deactivating and reactivating capacity lines and weekly templates. */
export const agendaEdit = defineMessages(
  {
    'admin.notice.lineUpdated': 'La línea de atención quedó guardada.',
    'admin.notice.lineDeactivated':
      'La línea quedó desactivada: sus citas ya no se ofrecen al público. Las citas agendadas se mantienen.',
    'admin.notice.lineActivated': 'La línea quedó activa: sus citas publicadas vuelven a ofrecerse.',
    'admin.notice.templateUpdated':
      'La plantilla quedó guardada. Vale para lo que publique desde ahora; lo ya publicado no cambia.',
    'admin.notice.templateDeactivated': 'La plantilla quedó desactivada: ya no se puede publicar.',
    'admin.notice.templateActivated': 'La plantilla quedó activa: ya puede publicarla de nuevo.',

    'agenda.line.edit': 'Editar la línea',
    'agenda.line.editTitle': 'Editar la línea «{name}»',
    'agenda.line.fixed':
      'La oficina y el canal quedan fijos al crear la línea, porque la agenda publicada los lleva. Para atender en otra oficina o por otro canal, cree una línea nueva.',
    'agenda.line.proceduresEditHint':
      'Trámites que se atienden por {channel}. Quitar un trámite no cancela sus citas ya agendadas: solo deja de ofrecerse para nuevas reservas.',
    'agenda.line.procedureWithdrawn':
      'Algún trámite elegido ya no se agenda con cita en el catálogo: desmárquelo',
    'agenda.line.inactiveNotice':
      'Esta línea está desactivada: sus citas no se ofrecen al público y no se puede publicar agenda en ella. Las citas ya agendadas se mantienen.',
    'agenda.line.deactivate': 'Desactivar la línea',
    'agenda.line.deactivateTitle': 'Desactivar la línea «{name}»',
    'agenda.line.deactivateEffect':
      'Desde ese momento sus citas publicadas dejan de ofrecerse al público y no se puede publicar agenda en ella hasta reactivarla. Su agenda publicada no se borra.',
    'agenda.line.deactivateBooked':
      'Hay {count} citas agendadas desde ahora en esta línea. Se mantienen: cada persona conserva su cita y la mesa de atención la sigue viendo.',
    'agenda.line.deactivateBookedOne':
      'Hay 1 cita agendada desde ahora en esta línea. Se mantiene: la persona conserva su cita y la mesa de atención la sigue viendo.',
    'agenda.line.deactivateNoneBooked': 'No hay citas agendadas desde ahora en esta línea.',
    'agenda.line.deactivateClosures':
      'Si alguna no se podrá atender, declare un cierre: cancela las citas de esos días y avisa a cada persona.',
    'agenda.line.deactivateConfirm': 'Sí, desactivar la línea',
    'agenda.line.activate': 'Reactivar la línea',

    'agenda.template.editTitle': 'Editar la plantilla «{name}»',
    'agenda.template.futureOnly':
      'Los cambios valen solo para lo que se publique desde ahora. Las citas ya publicadas conservan su hora y sus cupos; los cupos de una cita publicada se cambian desde su día.',
    'agenda.template.inactiveNotice':
      'Esta plantilla está desactivada: no se puede previsualizar ni publicar. Lo que ya publicó no cambia.',
    'agenda.template.deactivateTitle': 'Desactivar la plantilla',
    'agenda.template.deactivateHint':
      'Deja de poder previsualizarse y publicarse, y su horario queda libre para otra plantilla. Lo que ya publicó no cambia.',
    'agenda.template.deactivate': 'Desactivar la plantilla',
    'agenda.template.activateTitle': 'Reactivar la plantilla',
    'agenda.template.activateHint':
      'Vuelve a poder publicarse, siempre que su horario no se cruce con otra plantilla activa de la línea.',
    'agenda.template.activate': 'Reactivar la plantilla',

    'agenda.publish.lineInactive':
      'La línea «{name}» está desactivada: no se puede publicar agenda en ella. Reactívela primero.',
    'agenda.publish.templateInactive':
      'Esta plantilla está desactivada: no se puede previsualizar ni publicar. Reactívela primero.',
  },
  {
    'admin.notice.lineUpdated': 'The capacity line was saved.',
    'admin.notice.lineDeactivated':
      'The line was deactivated: its slots are no longer offered to the public. Booked appointments are kept.',
    'admin.notice.lineActivated': 'The line is active: its published slots are offered again.',
    'admin.notice.templateUpdated':
      'The template was saved. It applies to what you publish from now on; what was published does not change.',
    'admin.notice.templateDeactivated': 'The template was deactivated: it can no longer be published.',
    'admin.notice.templateActivated': 'The template is active: you can publish it again.',

    'agenda.line.edit': 'Edit the line',
    'agenda.line.editTitle': 'Edit the line “{name}”',
    'agenda.line.fixed':
      'The office and the channel are fixed when the line is created, because the published agenda carries them. To serve at another office or through another channel, create a new line.',
    'agenda.line.proceduresEditHint':
      'Procedures served by {channel}. Removing a procedure does not cancel its booked appointments: it is only no longer offered for new bookings.',
    'agenda.line.procedureWithdrawn':
      'A chosen procedure is no longer booked by appointment in the catalogue: untick it',
    'agenda.line.inactiveNotice':
      'This line is deactivated: its slots are not offered to the public and no agenda can be published on it. Booked appointments are kept.',
    'agenda.line.deactivate': 'Deactivate the line',
    'agenda.line.deactivateTitle': 'Deactivate the line “{name}”',
    'agenda.line.deactivateEffect':
      'From then on its published slots are no longer offered to the public, and no agenda can be published on it until it is reactivated. Its published agenda is not deleted.',
    'agenda.line.deactivateBooked':
      'There are {count} appointments booked from now on on this line. They are kept: each person keeps their appointment and the desk still sees it.',
    'agenda.line.deactivateBookedOne':
      'There is 1 appointment booked from now on on this line. It is kept: the person keeps their appointment and the desk still sees it.',
    'agenda.line.deactivateNoneBooked': 'There are no appointments booked from now on on this line.',
    'agenda.line.deactivateClosures':
      'If any of them cannot be attended, declare a closure: it cancels the appointments of those days and tells each person.',
    'agenda.line.deactivateConfirm': 'Yes, deactivate the line',
    'agenda.line.activate': 'Reactivate the line',

    'agenda.template.editTitle': 'Edit the template “{name}”',
    'agenda.template.futureOnly':
      'Changes apply only to what is published from now on. Slots already published keep their times and places; the places of a published slot are changed from its day.',
    'agenda.template.inactiveNotice':
      'This template is deactivated: it can be neither previewed nor published. What it published does not change.',
    'agenda.template.deactivateTitle': 'Deactivate the template',
    'agenda.template.deactivateHint':
      'It can no longer be previewed or published, and its hours are free for another template. What it published does not change.',
    'agenda.template.deactivate': 'Deactivate the template',
    'agenda.template.activateTitle': 'Reactivate the template',
    'agenda.template.activateHint':
      'It can be published again, provided its hours do not overlap another active template of the line.',
    'agenda.template.activate': 'Reactivate the template',

    'agenda.publish.lineInactive':
      'The line “{name}” is deactivated: no agenda can be published on it. Reactivate it first.',
    'agenda.publish.templateInactive':
      'This template is deactivated: it can be neither previewed nor published. Reactivate it first.',
  },
);
