import express from 'express';

const admin = express.Router();

admin.delete('/invoices/:invoiceId', (req, res) => {
  res.status(204).end();
});

export default admin;
