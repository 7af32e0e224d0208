import { type OutgoingMail, bilingualText } from '../../mail';

// The registration's mails, Indonesian first with English below. Plain text: it survives
// every mail client and a phone's preview.

export function verificationMail(to: string, p: { name: string; username: string; link: string; hours: number }): OutgoingMail {
  return {
    to,
    subject: 'Sinergi: verifikasi alamat e-mail / verify your e-mail address',
    text: bilingualText(
      `Yth. pendaftar ${p.name},

Terima kasih telah mendaftar sebagai pelapor orang asing di Sinergi dengan nama pengguna "${p.username}".
Buka tautan berikut untuk memverifikasi alamat e-mail ini (berlaku ${p.hours} jam, hanya sekali pakai):

${p.link}

Setelah itu Anda dapat masuk. Kantor Imigrasi setempat akan memeriksa pendaftaran Anda; Anda baru dapat
melapor setelah pendaftaran disetujui. Jika Anda tidak mendaftar, abaikan e-mail ini.`,
      `Dear ${p.name},

Thank you for registering as a reporter of foreign nationals in Sinergi with the username "${p.username}".
Open this link to verify this e-mail address (valid for ${p.hours} hours, single use):

${p.link}

You can then sign in. The local immigration office will review your registration; you can report once it is
approved. If you did not register, ignore this e-mail.`,
    ),
  };
}

export function approvedMail(to: string, p: { name: string; username: string; loginUrl: string; office: string }): OutgoingMail {
  return {
    to,
    subject: 'Sinergi: pendaftaran disetujui / registration approved',
    text: bilingualText(
      `Yth. ${p.name},

Pendaftaran Anda sebagai pelapor orang asing telah disetujui oleh ${p.office}.
Masuk dengan nama pengguna "${p.username}" di ${p.loginUrl} untuk mulai melapor.`,
      `Dear ${p.name},

Your registration as a reporter of foreign nationals has been approved by ${p.office}.
Sign in as "${p.username}" at ${p.loginUrl} to start reporting.`,
    ),
  };
}

export function rejectedMail(to: string, p: { name: string; reason: string; office: string }): OutgoingMail {
  return {
    to,
    subject: 'Sinergi: pendaftaran ditolak / registration rejected',
    text: bilingualText(
      `Yth. ${p.name},

Pendaftaran Anda sebagai pelapor orang asing ditolak oleh ${p.office} dengan alasan:

  ${p.reason}

Silakan hubungi Kantor Imigrasi setempat atau daftar kembali dengan data yang benar.`,
      `Dear ${p.name},

Your registration as a reporter of foreign nationals was rejected by ${p.office} for this reason:

  ${p.reason}

Please contact the local immigration office, or register again with correct details.`,
    ),
  };
}
