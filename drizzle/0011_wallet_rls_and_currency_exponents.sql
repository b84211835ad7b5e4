-- Wallet transactions are tenant-owned: the same forced row-level security as every tenant table.
SELECT isp_protect_tenant_table('wallet_transactions');
--> statement-breakpoint
-- Amounts were stored as hundredths whatever the currency; minor units follow ISO 4217's exponent
-- (lib/money): 0 decimals for UGX, RWF, JPY…, 3 for KWD, BHD…, 4 for CLF, UYW. Rescale those tenants.
DO $$
DECLARE
  zero text[] := ARRAY['BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF'];
  three text[] := ARRAY['BHD','IQD','JOD','KWD','LYD','OMR','TND'];
  four text[] := ARRAY['CLF','UYW'];
  t record;
  f numeric;
BEGIN
  FOR t IN SELECT id, upper(currency) AS cur FROM tenants WHERE upper(currency) = ANY (zero || three || four) LOOP
    f := CASE WHEN t.cur = ANY (zero) THEN 0.01 WHEN t.cur = ANY (three) THEN 10 ELSE 100 END;
    UPDATE packages SET price = round(price * f) WHERE tenant_id = t.id;
    UPDATE payments SET amount = round(amount * f) WHERE tenant_id = t.id;
    UPDATE customers SET wallet_balance = round(wallet_balance * f) WHERE tenant_id = t.id;
    UPDATE invoices SET amount = round(amount * f) WHERE tenant_id = t.id;
    UPDATE expenses SET amount = round(amount * f) WHERE tenant_id = t.id;
  END LOOP;
END $$;
--> statement-breakpoint
-- Balances that existed before the wallet had a history get one opening row, so each is explained.
INSERT INTO wallet_transactions (tenant_id, customer_id, kind, amount, balance_after, currency, reason, actor_label)
SELECT c.tenant_id, c.id, 'OPENING_BALANCE', c.wallet_balance, c.wallet_balance, t.currency, 'Balance before wallet history was kept', 'system:migration'
  FROM customers c JOIN tenants t ON t.id = c.tenant_id
 WHERE c.wallet_balance <> 0;
