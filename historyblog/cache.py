"""Django's Redis cache backend, with one redis-py client per server instead of one per
call.

Django builds a new ``redis.Redis`` for every cache operation. The connection pool is
kept, so no connection is opened, but building the client (its table of response
callbacks) costs about 0.1 ms: half of what serving a cached page costs. A client over
a pool is safe to share between threads, so one per server is kept.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class SharedClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClients

    # Publish/subscribe, for telling every process of a change (pagecache.state).
    # Channels are global to a Redis server, so their names carry the key prefix.

    def publish(self, channel, message):
        return self._cache.get_client(write=True).publish(self.make_key(channel), message)

    def subscribe(self, channel):
        """A PubSub subscribed to ``channel``, on a connection of its own."""
        pubsub = self._cache.get_client(write=True).pubsub()
        pubsub.subscribe(self.make_key(channel))
        return pubsub
