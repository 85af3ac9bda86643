// The Groovy script of the real-world benchmark (benchmarks/realworld.py): classes, closures, collections, string
// building, regular expressions and a JSON round trip, on generated data. Deterministic; prints a checksum.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

class Order {
    int id
    String customer
    String region
    List<Map> items = []

    BigDecimal total() { items.sum(0.0) { it.qty * it.price } }
}

def regions = ['north', 'south', 'east', 'west', 'centre']
def orders = (1..6000).collect { i ->
    def o = new Order(id: i, customer: "c${i * 7919 % 1009}", region: regions[i % regions.size()])
    (1..(1 + i % 4)).each { j -> o.items << [sku: "p${(i + j) % 257}", qty: 1 + j, price: (i % 100) + 0.25 * j] }
    o
}

def byRegion = orders.groupBy { it.region }.collectEntries { r, os -> [r, os.sum(0.0) { it.total() }] }
def topSkus = orders.collectMany { it.items }.groupBy { it.sku }
        .collect { sku, its -> [sku, its.sum { it.qty }] }.sort { a, b -> b[1] <=> a[1] ?: a[0] <=> b[0] }.take(10)

def text = new StringBuilder()
orders.each { o -> text << "order ${o.id} for ${o.customer} in ${o.region}: ${o.items.size()} items\n" }
def matcher = text =~ /order (\d+) for c(\d+) in (\w+)/
int matched = 0
long idSum = 0
while (matcher.find()) { matched++; idSum += matcher.group(1) as long }

def json = JsonOutput.toJson(orders.collect { [id: it.id, customer: it.customer, region: it.region, items: it.items] })
def back = new JsonSlurper().parseText(json)
def qtys = back.sum { o -> o.items.sum { it.qty } }

def fib
fib = { n -> n < 2 ? n : fib(n - 1) + fib(n - 2) }
println "regions=${byRegion.keySet().sort()} top=${topSkus[0]} matched=$matched ids=$idSum qtys=$qtys fib=${fib(20)}"
