import { defineMessages } from '../define.js';

/**
 * The citizen micro-site: navigation, catalogue, channels, help, kiosks, personal-data policy. Keys
 * under `text.` are the built-in versions of the texts staff can change in `site_texts` (the key
 * there is the part after `text.`); see `src/services/catalogue/site-texts.ts`.
 */
export const site = defineMessages(
  {
    'nav.home': 'Inicio',
    'nav.book': 'Pedir una cita',
    'nav.manage': 'Gestionar cita',
    'nav.procedures': 'Trámites',
    'nav.channels': 'Canales',
    'nav.help': 'Ayuda',
    'footer.links': 'Enlaces del sitio',
    'footer.whenNeeded': '¿Cuándo necesito cita?',
    'footer.kiosks': 'Puntos de autoservicio',
    'footer.myData': 'Mis datos personales',

    'text.contacto.telefono':
      'Centro de contacto: (601) 307 8064, lunes a viernes de 8:00 a 19:00, sábados de 8:00 a 12:00.',
    'text.contacto.vencimientos':
      'Último día de un vencimiento sin cita de RUT: (57 601) 307 8064, lunes a viernes de 8:00 a 15:00.',
    'text.contacto.oficinas': 'Oficinas: lunes a viernes de 8:00 a 16:30, hora de Bogotá.',
    'text.contacto.sede': 'Sede principal: Carrera 8 # 6C-38, Bogotá D.C.',
    'text.ayuda.ultimo-dia':
      'Si hoy vence su plazo y no encuentra cita para el RUT, no espere: llame al (57 601) 307 8064 (lunes a viernes de 8:00 a 15:00) y diga que es el último día de su vencimiento. La mayoría de los trámites del RUT y la firma electrónica se pueden hacer en línea, a cualquier hora, sin cita.',
    'text.ayuda.sin-cupos':
      'Se publica agenda nueva todos los días y las citas canceladas vuelven a quedar libres: consulte de nuevo más tarde, pruebe otras oficinas de su ciudad o un canal remoto (videollamada, llamada o correo), o pida una alerta para que le avisemos cuando haya cupo.',
    'text.ayuda.aviso': '',

    'textkeys.title': 'Textos que el sitio ciudadano puede mostrar',
    'textkeys.where': 'Dónde se ve',
    'textkeys.builtIn': 'Texto predeterminado (español)',
    'textkeys.empty': '(ninguno: no se muestra nada)',
    'textkeys.where.contacto.telefono': 'Pie de página, Ayuda, Política de datos',
    'textkeys.where.contacto.vencimientos': 'Pie de página, Ayuda, Política de datos',
    'textkeys.where.contacto.oficinas': 'Pie de página, Ayuda, Política de datos',
    'textkeys.where.contacto.sede': 'Pie de página, Ayuda',
    'textkeys.where.ayuda.ultimo-dia': 'Ayuda: último día de un plazo',
    'textkeys.where.ayuda.sin-cupos': 'Ayuda: no hay citas disponibles',
    'textkeys.where.ayuda.aviso': 'Aviso al inicio de todas las páginas',

    'home.lead2':
      'Antes de pedir la cita, revise si su trámite se puede hacer en línea: muchas veces no necesita cita.',
    'home.whenNeeded': '¿Cuándo necesito cita?',
    'home.facts': 'Lo que debe saber',
    'home.fact.noIntermediaries':
      'Sin intermediarios. Nadie necesita tramitadores; desconfíe de quien le cobre por una cita.',
    'home.fact.remote':
      'Sin desplazarse. Muchos trámites se atienden por videollamada, llamada telefónica o correo electrónico.',
    'home.more': 'Más información',
    'home.more.procedures': 'Vea los trámites, sus requisitos y canales',
    'home.more.channels': 'Conozca cómo funciona cada canal de atención',
    'home.more.kiosks': 'Encuentre un punto de autoservicio',
    'home.more.help': 'Preguntas frecuentes y líneas de atención',

    'when.title': '¿Cuándo necesito cita?',
    'when.lead':
      'La mejor cita es la que no necesita. Muchos trámites se hacen en línea, a cualquier hora, sin cita y sin costo.',
    'when.online.title': 'Trámites que se hacen en línea, sin cita',
    'when.online.lead': 'Hágalos usted mismo desde los servicios en línea de la autoridad:',
    'when.online.go': 'Ir al servicio en línea: {name}',
    'when.kiosks': 'Si necesita ayuda con un trámite en línea, vaya a un punto de autoservicio:',
    'when.kiosks.link': 'busque el más cercano',
    'when.needed.title': 'Cuándo sí necesita cita',
    'when.needed.item1':
      'El trámite exige revisar documentos con un funcionario (por ejemplo, sucesiones, certificados, devoluciones).',
    'when.needed.item2':
      'El servicio en línea falló o no tiene firma electrónica para hacerlo usted mismo (por ejemplo, algunas inscripciones o actualizaciones del RUT).',
    'when.needed.item3': 'Necesita orientación tributaria, aduanera o cambiaria de un funcionario.',
    'when.needed.list': 'Trámites con cita',
    'when.needed.all': 'Vea todos los trámites con sus requisitos',
    'when.exceptions':
      'Estos trámites tienen también una opción en línea; pida cita solo si no puede hacerlos así:',

    'catalogue.title': 'Trámites y servicios',
    'catalogue.lead':
      'Busque su trámite para ver qué es, quién lo puede pedir, qué llevar, por qué canales se atiende y cuánto dura la cita.',
    'catalogue.search': 'Buscar un trámite',
    'catalogue.search.hint': 'Por ejemplo: RUT, firma electrónica, devolución, importación',
    'catalogue.category': 'Categoría',
    'catalogue.category.all': 'Todas las categorías',
    'catalogue.channel': 'Canal de atención',
    'catalogue.channel.all': 'Todos los canales',
    'catalogue.submit': 'Buscar',
    'catalogue.clear': 'Ver todos los trámites',
    'catalogue.results': '{count} trámites encontrados',
    'catalogue.results.one': '1 trámite encontrado',
    'catalogue.results.for': 'para «{q}»',
    'catalogue.none': 'No encontramos trámites con esa búsqueda.',
    'catalogue.none.hint':
      'Revise la ortografía, use menos palabras o busque por categoría. Si no encuentra su trámite, llame al centro de contacto.',
    'catalogue.category.tributario': 'Tributarios (impuestos)',
    'catalogue.category.aduanero': 'Aduaneros',
    'catalogue.category.cambiario': 'Cambiarios',
    'catalogue.category.transversal': 'Generales',
    'catalogue.channels': 'Canales',
    'catalogue.duration': 'Duración de la cita',
    'catalogue.minutes': '{minutes} minutos',
    'catalogue.requirements': 'Qué necesita',
    'catalogue.noRequirements': 'Documento de identidad.',
    'catalogue.online': 'Se hace en línea, sin cita.',
    'catalogue.details': 'Ver el trámite: {name}',
    'catalogue.book': 'Pedir cita',
    'catalogue.bookFor': 'para {name}',

    'procedure.audience': '¿Quién lo puede pedir?',
    'procedure.what': '¿De qué se trata?',
    'procedure.selfService': 'Hágalo en línea, sin cita',
    'procedure.selfService.go': 'Ir al servicio en línea',
    'procedure.selfService.exceptions':
      'Si no puede hacerlo en línea (falla técnica o no tiene firma electrónica), pida una cita.',
    'procedure.noAppointment': 'Este trámite no necesita cita.',
    'procedure.channels': 'Cómo se atiende',
    'procedure.bring': 'Qué llevar o enviar',
    'procedure.duration': 'Duración',
    'procedure.free': 'El trámite es gratuito y no necesita intermediarios.',
    'procedure.back': 'Volver a los trámites',
    'procedure.channelsLink': 'Cómo funciona cada canal',

    'channels.title': 'Canales de atención',
    'channels.lead':
      'Puede ser atendido en una oficina o sin salir de casa. Al pedir la cita verá solo los canales que atienden su trámite.',
    'channels.presencial.how1': 'Elija la oficina y la hora; llegue 10 minutos antes.',
    'channels.presencial.how2': 'Lleve el documento de identidad original y los documentos del trámite.',
    'channels.presencial.how3': 'Si no puede ir, cancele la cita para que otra persona use el cupo.',
    'channels.video.how1': 'Necesita un computador o celular con cámara, micrófono e internet.',
    'channels.video.how2':
      'El enlace de la videollamada llega en el correo de confirmación; ábralo unos minutos antes.',
    'channels.video.how3': 'Tenga a la mano su documento de identidad y los documentos del trámite.',
    'channels.telefono.how1': 'Un funcionario le llama al celular que registró, a la hora de la cita.',
    'channels.telefono.how2': 'Esté en un lugar tranquilo, con sus documentos a la mano.',
    'channels.telefono.how3': 'Si no contesta, la cita se da por no atendida.',
    'channels.correo.how1':
      'Envíe los documentos antes de las 9:00 (citas de la mañana) o de las 12:00 (citas de la tarde) del día de la cita.',
    'channels.correo.how2': 'Envíelos desde el correo registrado en el RUT o el que dio al pedir la cita.',
    'channels.correo.how3': 'La respuesta le llega por correo electrónico.',
    'channels.procedures': '{count} trámites se atienden por este canal',
    'channels.procedures.link': 'Ver los trámites de {channel}',
    'channels.remote': 'No presencial',
    'channels.inPerson': 'Presencial',

    'help.title': 'Ayuda',
    'help.lead': 'Respuestas a las preguntas más frecuentes y las líneas de atención.',
    'help.contact': 'Líneas de atención y horarios',
    'help.deadline': 'Es el último día de mi plazo y no encuentro cita',
    'help.noSlots': 'No hay citas disponibles',
    'help.faq': 'Preguntas frecuentes',
    'help.faq.cost.q': '¿Cuánto cuesta la cita?',
    'help.faq.cost.a':
      'Nada. Todos los trámites y las citas son gratuitos y no necesitan intermediarios. Si alguien le cobra por una cita, no pague y denúncielo.',
    'help.faq.personal.q': '¿Puedo pedir una cita para otra persona o cederla?',
    'help.faq.personal.a':
      'La cita es personal: queda a nombre de quien la pide y no se puede traspasar. Si actúa por otra persona, pida la cita con sus datos y lleve el poder o la autorización.',
    'help.faq.change.q': '¿Cómo cambio o cancelo mi cita?',
    'help.faq.change.a':
      'En «Gestionar cita», con el código de confirmación y su número de documento. Si no va a asistir, cancele: el cupo queda libre para otra persona.',
    'help.faq.code.q': 'Perdí el código de confirmación',
    'help.faq.code.a':
      'Está en el correo de confirmación que le enviamos al pedir la cita. Busque también en la carpeta de correo no deseado.',
    'help.faq.limit.q': '¿Cuántas citas puedo tener?',
    'help.faq.limit.a':
      'Una cita activa por trámite y, en total, un número limitado de citas activas por persona, para que haya cupos para todos.',
    'help.faq.late.q': '¿Qué pasa si llego tarde o no me conecto?',
    'help.faq.late.a':
      'La cita tiene una duración fija y otras personas esperan después de usted. Si no llega o no se conecta, la cita se marca como no atendida y tendrá que pedir otra.',
    'help.faq.password.q': 'Olvidé la contraseña de los servicios en línea',
    'help.faq.password.a':
      'No necesita cita: recupérela en el portal con «¿Olvidó su contraseña?», por teléfono o en un punto de autoservicio.',
    'help.faq.hold.q': '¿Por qué tengo un tiempo límite al elegir la hora?',
    'help.faq.hold.a':
      'Al elegir una hora le guardamos ese cupo unos minutos mientras escribe sus datos. Si el tiempo se acaba, el cupo vuelve a quedar libre y puede elegir otro.',
    'help.moreLinks': 'También le puede servir',
    'help.alerts': 'Pida una alerta cuando no haya cupos',

    'kiosks.title': 'Puntos de autoservicio',
    'kiosks.lead':
      'En los quioscos virtuales de autogestión puede recuperar su contraseña, consultar y descargar el RUT y hacer otros trámites en línea sin cita, con ayuda si la necesita.',
    'kiosks.city': 'Ciudad',
    'kiosks.city.hint': 'Elija su ciudad para ver los puntos más cercanos',
    'kiosks.city.all': 'Todas las ciudades',
    'kiosks.submit': 'Buscar puntos',
    'kiosks.in': 'Puntos de autoservicio en {city}',
    'kiosks.all': 'Todos los puntos de autoservicio',
    'kiosks.count': '{count} puntos',
    'kiosks.count.one': '1 punto',
    'kiosks.noneInCity': 'No hay puntos de autoservicio en {city}.',
    'kiosks.nearby': 'Puntos en el departamento de {department}',
    'kiosks.noneNearby':
      'Tampoco hay en su departamento. Puede hacer los trámites en línea o llamar al centro de contacto.',
    'kiosks.address': 'Dirección',
    'kiosks.hours': 'Horario',
    'kiosks.place.camara_comercio': 'Cámara de comercio',
    'kiosks.place.centro_comercial': 'Centro comercial',
    'kiosks.place.alcaldia': 'Alcaldía',
    'kiosks.place.otro': 'Otro lugar',
    'kiosks.unknownCity': 'Elija una ciudad de la lista',

    'policy.title': 'Política de tratamiento de datos personales',
    'policy.version': 'Versión {version}, vigente desde el {date}.',
    'policy.intro':
      'Esta política explica cómo tratamos los datos personales que usted nos da al pedir una cita, según la Ley 1581 de 2012 y el Decreto 1377 de 2013.',
    'policy.controller.title': 'Responsable del tratamiento',
    'policy.controller.body':
      '{authority}, con sede principal en la Carrera 8 # 6C-38, Bogotá D.C. Líneas de atención:',
    'policy.data.title': 'Qué datos recogemos',
    'policy.data.body':
      'Solo cuando ya tiene un cupo guardado: tipo y número de documento, nombres y apellidos, correo electrónico y celular; si actúa por una persona jurídica, su NIT y razón social. No pedimos datos sensibles.',
    'policy.purposes.title': 'Para qué los usamos',
    'policy.purpose.agendamiento': 'Agendar, cambiar y cancelar su cita.',
    'policy.purpose.notificaciones': 'Enviarle la confirmación, los recordatorios y los avisos de su cita.',
    'policy.purpose.atencion': 'Atenderle en la cita y dejar constancia de la atención.',
    'policy.rights.title': 'Sus derechos',
    'policy.right.know': 'Conocer, actualizar y rectificar sus datos.',
    'policy.right.proof': 'Pedir prueba de la autorización que nos dio.',
    'policy.right.use': 'Ser informado del uso que damos a sus datos.',
    'policy.right.complain': 'Presentar quejas ante la Superintendencia de Industria y Comercio.',
    'policy.right.revoke': 'Revocar la autorización y pedir que eliminemos sus datos.',
    'policy.right.free': 'Acceder gratis a sus datos.',
    'policy.requests.title': 'Cómo ejercerlos',
    'policy.requests.body':
      'En «Mis datos personales» puede ver sus datos y pedir que se eliminen, con un enlace que le enviamos a su correo.',
    'policy.requests.link': 'Consultar o eliminar mis datos',
    'policy.requests.times':
      'Respondemos las consultas en un máximo de 10 días hábiles (prorrogables 5 días avisándole) y los reclamos de rectificación o eliminación en un máximo de 15 días hábiles (prorrogables 8 días). Si un reclamo está incompleto, le pediremos completarlo dentro de los 5 días siguientes.',
    'policy.retention.title': 'Cuánto tiempo guardamos sus datos',
    'policy.retention.body':
      'Sus datos se anonimizan {months} meses después de su última cita. Queda solo información estadística, sin datos que le identifiquen.',
    'policy.security.title': 'Seguridad',
    'policy.security.body':
      'Sus datos nunca aparecen en direcciones web ni en los registros del sistema, y solo los ven los funcionarios autorizados que le atienden. Los cambios que hace el personal quedan en un registro de auditoría.',
    'policy.consent.title': 'Su autorización',
    'policy.consent.body':
      'Antes de confirmar la cita le pedimos autorización expresa. Guardamos la versión de esta política que aceptó, la fecha y el canal.',
  },
  {
    'nav.home': 'Home',
    'nav.book': 'Book an appointment',
    'nav.manage': 'Manage an appointment',
    'nav.procedures': 'Procedures',
    'nav.channels': 'Channels',
    'nav.help': 'Help',
    'footer.links': 'Site links',
    'footer.whenNeeded': 'When do I need an appointment?',
    'footer.kiosks': 'Self-service points',
    'footer.myData': 'My personal data',

    'text.contacto.telefono':
      'Contact centre: (601) 307 8064, Monday to Friday 8:00–19:00, Saturday 8:00–12:00.',
    'text.contacto.vencimientos':
      'Last day of a deadline and no RUT appointment: (57 601) 307 8064, Monday to Friday 8:00–15:00.',
    'text.contacto.oficinas': 'Offices: Monday to Friday 8:00–16:30, Bogotá time.',
    'text.contacto.sede': 'Headquarters: Carrera 8 # 6C-38, Bogotá D.C.',
    'text.ayuda.ultimo-dia':
      'If your deadline is today and you find no RUT appointment, do not wait: call (57 601) 307 8064 (Monday to Friday 8:00–15:00) and say it is the last day of your deadline. Most RUT procedures and the electronic signature can be done online, at any time, without an appointment.',
    'text.ayuda.sin-cupos':
      'New agenda is published every day and cancelled appointments become free again: check again later, try other offices in your city or a remote channel (video call, phone call or e-mail), or ask for an alert and we will tell you when there is a place.',
    'text.ayuda.aviso': '',

    'textkeys.title': 'Texts the citizen site can show',
    'textkeys.where': 'Where it shows',
    'textkeys.builtIn': 'Built-in text (Spanish)',
    'textkeys.empty': '(none: nothing is shown)',
    'textkeys.where.contacto.telefono': 'Footer, Help, Data policy',
    'textkeys.where.contacto.vencimientos': 'Footer, Help, Data policy',
    'textkeys.where.contacto.oficinas': 'Footer, Help, Data policy',
    'textkeys.where.contacto.sede': 'Footer, Help',
    'textkeys.where.ayuda.ultimo-dia': 'Help: last day of a deadline',
    'textkeys.where.ayuda.sin-cupos': 'Help: no appointments available',
    'textkeys.where.ayuda.aviso': 'Notice at the top of every page',

    'home.lead2':
      'Before you book, check whether your procedure can be done online: often you need no appointment.',
    'home.whenNeeded': 'When do I need an appointment?',
    'home.facts': 'What you should know',
    'home.fact.noIntermediaries':
      'No intermediaries. Nobody needs an agent; distrust anyone who charges you for an appointment.',
    'home.fact.remote': 'No travel. Many procedures are attended by video call, phone call or e-mail.',
    'home.more': 'More information',
    'home.more.procedures': 'See the procedures, their requirements and channels',
    'home.more.channels': 'Learn how each attention channel works',
    'home.more.kiosks': 'Find a self-service point',
    'home.more.help': 'Frequent questions and contact lines',

    'when.title': 'When do I need an appointment?',
    'when.lead':
      'The best appointment is the one you do not need. Many procedures are done online, at any time, without an appointment and free of charge.',
    'when.online.title': 'Procedures done online, without an appointment',
    'when.online.lead': 'Do them yourself with the authority’s online services:',
    'when.online.go': 'Go to the online service: {name}',
    'when.kiosks': 'If you need help with an online procedure, go to a self-service point:',
    'when.kiosks.link': 'find the nearest one',
    'when.needed.title': 'When you do need an appointment',
    'when.needed.item1':
      'The procedure needs an officer to check documents (for example, estates, certificates, refunds).',
    'when.needed.item2':
      'The online service failed or you have no electronic signature to do it yourself (for example, some RUT registrations or updates).',
    'when.needed.item3': 'You need tax, customs or foreign-exchange guidance from an officer.',
    'when.needed.list': 'Procedures with an appointment',
    'when.needed.all': 'See every procedure with its requirements',
    'when.exceptions':
      'These procedures also have an online option; book an appointment only if you cannot do them that way:',

    'catalogue.title': 'Procedures and services',
    'catalogue.lead':
      'Search for your procedure to see what it is, who may ask for it, what to bring, which channels serve it and how long the appointment takes.',
    'catalogue.search': 'Search for a procedure',
    'catalogue.search.hint': 'For example: RUT, electronic signature, refund, import',
    'catalogue.category': 'Category',
    'catalogue.category.all': 'All categories',
    'catalogue.channel': 'Attention channel',
    'catalogue.channel.all': 'All channels',
    'catalogue.submit': 'Search',
    'catalogue.clear': 'See every procedure',
    'catalogue.results': '{count} procedures found',
    'catalogue.results.one': '1 procedure found',
    'catalogue.results.for': 'for “{q}”',
    'catalogue.none': 'We found no procedure for that search.',
    'catalogue.none.hint':
      'Check the spelling, use fewer words or search by category. If you cannot find your procedure, call the contact centre.',
    'catalogue.category.tributario': 'Tax',
    'catalogue.category.aduanero': 'Customs',
    'catalogue.category.cambiario': 'Foreign exchange',
    'catalogue.category.transversal': 'General',
    'catalogue.channels': 'Channels',
    'catalogue.duration': 'Appointment length',
    'catalogue.minutes': '{minutes} minutes',
    'catalogue.requirements': 'What you need',
    'catalogue.noRequirements': 'Identity document.',
    'catalogue.online': 'Done online, without an appointment.',
    'catalogue.details': 'See the procedure: {name}',
    'catalogue.book': 'Book an appointment',
    'catalogue.bookFor': 'for {name}',

    'procedure.audience': 'Who may ask for it?',
    'procedure.what': 'What is it?',
    'procedure.selfService': 'Do it online, without an appointment',
    'procedure.selfService.go': 'Go to the online service',
    'procedure.selfService.exceptions':
      'If you cannot do it online (a technical failure or no electronic signature), book an appointment.',
    'procedure.noAppointment': 'This procedure needs no appointment.',
    'procedure.channels': 'How it is attended',
    'procedure.bring': 'What to bring or send',
    'procedure.duration': 'Length',
    'procedure.free': 'The procedure is free and needs no intermediary.',
    'procedure.back': 'Back to the procedures',
    'procedure.channelsLink': 'How each channel works',

    'channels.title': 'Attention channels',
    'channels.lead':
      'You can be attended at an office or without leaving home. When you book you only see the channels that serve your procedure.',
    'channels.presencial.how1': 'Choose the office and the time; arrive 10 minutes early.',
    'channels.presencial.how2': 'Bring your original identity document and the documents of the procedure.',
    'channels.presencial.how3': 'If you cannot go, cancel so someone else can use the place.',
    'channels.video.how1': 'You need a computer or phone with a camera, a microphone and internet.',
    'channels.video.how2':
      'The video-call link comes in the confirmation e-mail; open it a few minutes before.',
    'channels.video.how3': 'Keep your identity document and the documents of the procedure at hand.',
    'channels.telefono.how1': 'An officer calls the mobile number you gave, at the time of the appointment.',
    'channels.telefono.how2': 'Be somewhere quiet, with your documents at hand.',
    'channels.telefono.how3': 'If you do not answer, the appointment counts as missed.',
    'channels.correo.how1':
      'Send the documents before 9:00 (morning appointments) or 12:00 (afternoon appointments) on the day of the appointment.',
    'channels.correo.how2': 'Send them from the e-mail in your RUT or the one you gave when booking.',
    'channels.correo.how3': 'The answer comes by e-mail.',
    'channels.procedures': '{count} procedures are attended through this channel',
    'channels.procedures.link': 'See the procedures for {channel}',
    'channels.remote': 'Remote',
    'channels.inPerson': 'In person',

    'help.title': 'Help',
    'help.lead': 'Answers to the most frequent questions and the contact lines.',
    'help.contact': 'Contact lines and hours',
    'help.deadline': 'It is the last day of my deadline and I find no appointment',
    'help.noSlots': 'No appointments are available',
    'help.faq': 'Frequent questions',
    'help.faq.cost.q': 'How much does the appointment cost?',
    'help.faq.cost.a':
      'Nothing. Every procedure and appointment is free and needs no intermediary. If someone charges you for an appointment, do not pay and report it.',
    'help.faq.personal.q': 'Can I book for someone else or pass my appointment on?',
    'help.faq.personal.a':
      'The appointment is personal: it is in the name of whoever books it and cannot be transferred. If you act for someone else, book with your own data and bring the power of attorney or authorisation.',
    'help.faq.change.q': 'How do I change or cancel my appointment?',
    'help.faq.change.a':
      'In “Manage an appointment”, with the confirmation code and your document number. If you will not attend, cancel: the place becomes free for someone else.',
    'help.faq.code.q': 'I lost the confirmation code',
    'help.faq.code.a':
      'It is in the confirmation e-mail we sent when you booked. Look in the spam folder too.',
    'help.faq.limit.q': 'How many appointments can I have?',
    'help.faq.limit.a':
      'One active appointment per procedure and, in total, a limited number of active appointments per person, so there are places for everyone.',
    'help.faq.late.q': 'What if I arrive late or do not connect?',
    'help.faq.late.a':
      'An appointment has a fixed length and other people are waiting after you. If you do not come or connect, the appointment is marked as missed and you will need to book another.',
    'help.faq.password.q': 'I forgot the password of the online services',
    'help.faq.password.a':
      'You need no appointment: recover it on the portal with “Forgot your password?”, by phone or at a self-service point.',
    'help.faq.hold.q': 'Why do I have a time limit when I choose a time?',
    'help.faq.hold.a':
      'When you choose a time we keep that place for you for a few minutes while you type your data. If the time runs out, the place becomes free again and you can choose another.',
    'help.moreLinks': 'You may also find useful',
    'help.alerts': 'Ask for an alert when there are no places',

    'kiosks.title': 'Self-service points',
    'kiosks.lead':
      'At the self-service kiosks you can recover your password, check and download the RUT and do other online procedures without an appointment, with help if you need it.',
    'kiosks.city': 'City',
    'kiosks.city.hint': 'Choose your city to see the nearest points',
    'kiosks.city.all': 'All cities',
    'kiosks.submit': 'Find points',
    'kiosks.in': 'Self-service points in {city}',
    'kiosks.all': 'Every self-service point',
    'kiosks.count': '{count} points',
    'kiosks.count.one': '1 point',
    'kiosks.noneInCity': 'There are no self-service points in {city}.',
    'kiosks.nearby': 'Points in the department of {department}',
    'kiosks.noneNearby':
      'There are none in your department either. You can do the procedures online or call the contact centre.',
    'kiosks.address': 'Address',
    'kiosks.hours': 'Hours',
    'kiosks.place.camara_comercio': 'Chamber of commerce',
    'kiosks.place.centro_comercial': 'Shopping centre',
    'kiosks.place.alcaldia': 'City hall',
    'kiosks.place.otro': 'Other place',
    'kiosks.unknownCity': 'Choose a city from the list',

    'policy.title': 'Personal data policy',
    'policy.version': 'Version {version}, in force since {date}.',
    'policy.intro':
      'This policy explains how we process the personal data you give us when you book an appointment, under Ley 1581 de 2012 and Decreto 1377 de 2013.',
    'policy.controller.title': 'Data controller',
    'policy.controller.body': '{authority}, headquarters at Carrera 8 # 6C-38, Bogotá D.C. Contact lines:',
    'policy.data.title': 'What data we collect',
    'policy.data.body':
      'Only once a place is held for you: document type and number, names, e-mail and mobile phone; if you act for a company, its NIT and name. We ask for no sensitive data.',
    'policy.purposes.title': 'What we use it for',
    'policy.purpose.agendamiento': 'Booking, changing and cancelling your appointment.',
    'policy.purpose.notificaciones':
      'Sending you the confirmation, reminders and notices about your appointment.',
    'policy.purpose.atencion': 'Attending you at the appointment and recording that you were attended.',
    'policy.rights.title': 'Your rights',
    'policy.right.know': 'Know, update and correct your data.',
    'policy.right.proof': 'Ask for proof of the consent you gave us.',
    'policy.right.use': 'Be told how we use your data.',
    'policy.right.complain': 'Complain to the Superintendencia de Industria y Comercio.',
    'policy.right.revoke': 'Revoke your consent and ask us to delete your data.',
    'policy.right.free': 'Access your data free of charge.',
    'policy.requests.title': 'How to exercise them',
    'policy.requests.body':
      'In “My personal data” you can see your data and ask for it to be deleted, with a link we send to your e-mail.',
    'policy.requests.link': 'See or delete my data',
    'policy.requests.times':
      'We answer queries within 10 business days (5 more with notice) and claims for correction or deletion within 15 business days (8 more with notice). If a claim is incomplete, we will ask you to complete it within the following 5 days.',
    'policy.retention.title': 'How long we keep your data',
    'policy.retention.body':
      'Your data is anonymised {months} months after your last appointment. Only statistics remain, with nothing that identifies you.',
    'policy.security.title': 'Security',
    'policy.security.body':
      'Your data never appears in web addresses or in the system logs, and only the authorised officers who attend you see it. The changes staff make are kept in an audit trail.',
    'policy.consent.title': 'Your consent',
    'policy.consent.body':
      'Before confirming the appointment we ask for your express consent. We keep the version of this policy you accepted, the date and the channel.',
  },
);
