package com.shop.web;

import com.shop.api.Order;
import com.shop.api.OrderApi;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController implements OrderApi {

    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public ResponseEntity<List<Order>> list(int page) {
        return ResponseEntity.ok(orders.page(page));
    }

    @Override
    public ResponseEntity<Order> get(long id) {
        return orders.find(id).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @Override
    public ResponseEntity<Void> cancel(long id) {
        orders.cancel(id);
        return ResponseEntity.accepted().build();
    }
}
