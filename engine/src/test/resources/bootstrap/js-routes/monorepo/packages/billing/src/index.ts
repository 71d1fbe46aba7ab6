import { Router, type Request, type Response } from 'express';

export const router = Router();

router.get('/invoices', (req: Request, res: Response) => {
  res.json([]);
});

router.post('/invoices/:invoiceId/pay', payInvoice);

function payInvoice(req: Request, res: Response) {
  res.status(204).end();
}
