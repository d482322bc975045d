import Reporting

/// `GET /api/v1/products`: the reporting profile's products, by GTIN-14.
struct ProductListBody: Encodable {
    let products: [Product]
}
