-- The outbox no longer keeps reset links (lib/mail/send-mail.ts stores a copy without them): take them
-- out of the mail already stored, so no admin can read a usable token there.
UPDATE mail_outbox
SET body = regexp_replace(body, '([?&]token=)[^[:space:]&]+', '\1[link removed: sent to the recipient only]', 'g')
WHERE body ~ '[?&]token=';
