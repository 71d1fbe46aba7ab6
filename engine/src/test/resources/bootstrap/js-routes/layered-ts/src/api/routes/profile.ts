import { Router } from 'express';
import * as guards from '../middlewares';

const route = Router();

export default (app: Router): void => {
  app.use('/profile', route);

  route.get('/me', guards.isAuth, guards.attachUser, (req, res) => res.json(req.currentUser));
  route.patch<{}, unknown, { name: string }>('/me', guards.isAuth, updateProfile);
};

function updateProfile(req, res) {
  res.status(204).end();
}
