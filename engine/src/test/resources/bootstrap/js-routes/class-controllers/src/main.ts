import 'dotenv/config';
import { Server } from './server';
import { OrdersController } from './orders/orders.controller';
import ProductsController from './products/products.controller';
import { HealthRoutes } from './health/health.routes';

const server = new Server(
  [new OrdersController(), new ProductsController()],
  new HealthRoutes(),
);

server.start();
