import { Router, Request, Response, NextFunction } from 'express';
import { celebrate, Joi } from 'celebrate';
import AuthService from '@/services/auth';

const route = Router();

export default (app: Router) => {
  app.use('/auth', route);

  route.post(
    '/signup',
    celebrate({
      body: Joi.object({
        name: Joi.string().required(),
        email: Joi.string().required(),
      }),
    }),
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const { user, token } = await new AuthService().signUp(req.body as SignUpInput);
        return res.status(201).json({ user, token });
      } catch (e) {
        return next(e);
      }
    },
  );

  route.post('/signin', async (req: Request, res: Response) => {
    res.json(await new AuthService().signIn(req.body!));
  });
};
