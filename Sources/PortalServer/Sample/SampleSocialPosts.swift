import Foundation
import NewsroomKit

extension Seeder {
    /// Inside the seed's transaction: the social queue as a working week leaves it, a post in
    /// every state — queued for approved and scheduled items, and for published ones posted,
    /// waiting to retry, failed, uncertain, cancelled and one being sent.
    static func seedSocialPosts(in store: Store, now: Date) async throws {
        // To the millisecond the store keeps, so that times reckoned from it land on whole milliseconds.
        let now = Store.date(Store.millis(now))
        let minute: TimeInterval = 60
        typealias Post = Store.SeededSocialPost
        func post(_ item: (id: Int64, sapo: String, publishedAt: Date?), _ channel: String, _ status: SocialPostStatus, attempts: Int,
                  due: Date?) -> Post {
            let message = item.sapo.isEmpty ? "Mời bạn đọc tin mới trên Cổng thông tin điện tử." : String(item.sapo.prefix(280))
            return Post(submission: item.id, channel: channel, status: status, message: message, dueAt: due, attempts: attempts)
        }
        var posts: [Post] = []
        for item in try await store.newestVietnamese(.approved, limit: 2) + store.newestVietnamese(.scheduled, limit: 2) {
            posts.append(post(item, "facebook", .queued, attempts: 0, due: nil))
        }
        func failure(_ kind: String, _ words: String) -> (inout Post) -> Void {
            { $0.errorKind = kind; $0.lastError = words }
        }
        // What each state has recorded by now, on the sample's eight newest published items.
        let plans: [(status: SocialPostStatus, channel: String, attempts: Int, record: (inout Post) -> Void)] = [
            (.posted, "facebook", 1, {
                $0.remoteID = "sample_page_1001"
                $0.remoteLink = "https://www.facebook.com/sample_page/posts/1001"
                $0.engagement = SocialEngagement(views: 1840, reactions: 126, shares: 14, fetchedAt: now.addingTimeInterval(-30 * minute))
            }),
            (.posted, "zalo", 1, {
                $0.remoteID = "za_sample_2002"
                $0.remoteLink = "https://oa.zalo.me/article/2002"
            }),
            (.retryWait, "facebook", 2, failure("rate_limited", "rate-limited by the network (code 4): Application request limit reached")),
            (.failed, "facebook", 1, failure("expired_token",
                                             "the access token expired or was revoked: an admin must set a new one (code 190/463)")),
            (.uncertain, "zalo", 1, failure("connection_dropped",
                                            "the connection dropped after the request was sent; check the page before sending again")),
            (.cancelled, "facebook", 0, { _ in }),
            (.sending, "facebook", 1, {
                $0.claimedBy = "sample"
                $0.leaseUntil = now.addingTimeInterval(10 * minute)
            }),
            (.queued, "facebook", 0, { _ in }),
        ]
        for (item, plan) in zip(try await store.newestVietnamese(.published, limit: 8), plans) {
            // The demo's queue moves within minutes of its start: the queued post goes out after 3,
            // the one waiting to retry after 6 (through the fakes; failed where no channel is set).
            let due = plan.status == .retryWait ? now.addingTimeInterval(6 * minute)
                : plan.status == .queued ? now.addingTimeInterval(3 * minute) : item.publishedAt
            var made = post(item, plan.channel, plan.status, attempts: plan.attempts, due: due)
            plan.record(&made)
            if plan.status == .posted { made.postedAt = due ?? now }
            posts.append(made)
        }
        for made in posts { try await store.insertSeededSocialPost(made, now: now) }
    }
}
