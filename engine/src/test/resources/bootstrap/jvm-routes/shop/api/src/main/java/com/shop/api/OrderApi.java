package com.shop.api;

import static com.shop.api.ApiPaths.BY_ID;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * The order contract. Implemented by the server's controller, extended by the Feign client.
 * Example: {@code @GetMapping("/not-a-route")}.
 */
@RequestMapping(ApiPaths.ORDERS)
public interface OrderApi {

    @GetMapping
    ResponseEntity<List<Order>> list(@RequestParam(defaultValue = "0") int page);

    @GetMapping(BY_ID)
    ResponseEntity<Order> get(@PathVariable("id") long id);

    @RequestMapping(value = BY_ID + "/cancel", method = {RequestMethod.POST, RequestMethod.PUT})
    ResponseEntity<Void> cancel(@PathVariable("id") long id);
}
